package io.aegisrag.coordinator.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of README.md and docs/ leads somewhere: to a file or directory of the tree
 * and, when it names a heading ({@code page.md#heading}), to a heading of that page as a Git host
 * makes its anchor.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void should_lead_every_relative_link_to_a_file_and_heading_that_exist() throws IOException {
        List<String> dead = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    deadLink(page, target).ifPresent(dead::add);
                }
            }
        }
        assertThat(dead).isEmpty();
    }

    @Test
    void should_find_the_pages_it_checks() throws IOException {
        assertThat(pages()).extracting(page -> page.getFileName().toString()).contains("README.md", "configuration.md");
    }

    private static Optional<String> deadLink(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
            return Optional.of(Repository.root().relativize(page) + ": " + target + " (no such file)");
        }
        if (hash >= 0 && linked.toString().endsWith(".md") && !anchors(linked).contains(target.substring(hash + 1))) {
            return Optional.of(Repository.root().relativize(page) + ": " + target + " (no such heading)");
        }
        return Optional.empty();
    }

    /** The anchors a Git host gives the headings of {@code page}: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(Path page) throws IOException {
        return Stream.of(FENCE.matcher(Files.readString(page)).replaceAll("").split("\n"))
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static List<Path> pages() throws IOException {
        Path root = Repository.root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
