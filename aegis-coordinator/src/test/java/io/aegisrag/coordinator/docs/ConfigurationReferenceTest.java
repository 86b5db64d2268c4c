package io.aegisrag.coordinator.docs;

import io.aegisrag.core.config.ConfigKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the keys the service reads: every key of the WAR's properties file
 * and of {@link ConfigKeys} has a row by its full name, every row names such a key (or one of
 * MicroProfile JWT's or a Liberty variable), and each row's default and environment variable are
 * those of the properties file and of MicroProfile Config's mapping.
 */
class ConfigurationReferenceTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][\\w.-]*)` \\| (.*?) \\| `([A-Z0-9_]+)` \\| .+ \\|$");
    private static final Set<String> READ_BY_LIBERTY = Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.issuer", "mp.jwt.verify.audiences", "http.port", "https.port");

    private record Row(String defaultValue, String environmentVariable) {
    }

    @Test
    void should_document_every_key_the_service_reads_by_its_full_name() throws IOException {
        Set<String> keys = new TreeSet<>(properties().stringPropertyNames());
        keys.addAll(configKeys());

        assertThat(rows().keySet()).containsAll(keys);
    }

    @Test
    void should_document_no_key_that_the_service_does_not_read() throws IOException {
        Set<String> read = new TreeSet<>(properties().stringPropertyNames());
        read.addAll(configKeys());
        read.addAll(READ_BY_LIBERTY);

        assertThat(read).containsAll(rows().keySet());
    }

    @Test
    void should_give_each_key_the_default_of_the_properties_file() throws IOException {
        Properties properties = properties();
        Map<String, Row> rows = rows();

        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            String documented = rows.get(key).defaultValue();
            if (value.isEmpty()) {
                assertThat(documented).as(key).startsWith("(blank");
            } else if (value.length() <= 80) {
                assertThat(documented).as(key).contains("`" + value + "`");
            }
        }
    }

    @Test
    void should_name_each_key_by_the_environment_variable_microprofile_config_finds_it_as() throws IOException {
        rows().forEach((key, row) -> assertThat(row.environmentVariable()).as(key)
                .isEqualTo(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)));
    }

    private static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Repository.root().resolve("docs/configuration.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.put(row.group(1), new Row(row.group(2), row.group(3)))).as("a second row for " + row.group(1)).isNull();
            }
        }
        return rows;
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Repository.root()
                .resolve("aegis-coordinator/src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> configKeys() {
        return Arrays.stream(ConfigKeys.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ConfigurationReferenceTest::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
