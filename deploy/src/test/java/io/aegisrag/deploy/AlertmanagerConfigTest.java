package io.aegisrag.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerConfigTest {

    private final Path alertmanager = DeployFiles.resolve("alertmanager");

    @Test
    void should_pass_amtool_check_config() {
        ExternalTool.Result result = ExternalTool.run(alertmanager, "amtool", "check-config", "alertmanager.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_route_every_severity_and_inhibit_only_alerts_that_exist() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(alertmanager.resolve("alertmanager.yml")));
        Set<String> alerts = Rules.alerts().stream().map(Rules.Rule::alert).collect(Collectors.toSet());

        List<Map<String, Object>> routes = (List<Map<String, Object>>) ((Map<String, Object>) config.get("route")).get("routes");
        assertThat(routes).flatExtracting(route -> (List<String>) route.get("matchers"))
                .contains("severity=\"critical\"", "severity=\"warning\"", "severity=\"info\"");
        Pattern alertname = Pattern.compile("alertname=\"(\\w+)\"");
        for (Map<String, Object> rule : (List<Map<String, Object>>) config.get("inhibit_rules")) {
            for (String key : List.of("source_matchers", "target_matchers")) {
                for (String matcher : (List<String>) rule.get(key)) {
                    Matcher name = alertname.matcher(matcher);
                    if (name.find()) {
                        assertThat(alerts).as(matcher).contains(name.group(1));
                    }
                }
            }
        }
    }
}
