package io.aegisrag.retrieval.chunking;

import io.aegisrag.core.testing.TimeBound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownCleanerTest {

    @Test
    void should_drop_front_matter_comments_reference_definitions_and_badges() {
        String markdown = """
                ---
                title: npm-ci
                description: Clean install a project
                ---
                # Clean install <!-- added: v7.0.0 -->
                [![npm](https://img.shields.io/npm/v/x.svg)](https://npmjs.com/x) ![logo](logo.png)
                <!-- YAML
                changes:
                  - version: v20
                -->
                It removes `node_modules` first.

                [pkg-mgr]: https://nodejs.org/en/download/package-manager/
                """;

        assertThat(MarkdownCleaner.clean(markdown)).isEqualTo("# Clean install \n \n\n\n\n\nIt removes `node_modules` first.\n\n\n");
    }

    @Test
    void should_keep_the_text_of_links_and_html_and_decode_entities() {
        String markdown = "See [`npm install`](/commands/npm-install) and [the docs][docs]: <div align=\"center\"><b>bold</b></div>"
                + " &amp; a&nbsp;b <https://example.org> x < y and <name>";

        assertThat(MarkdownCleaner.clean(markdown))
                .isEqualTo("See `npm install` and the docs: bold & a b <https://example.org> x < y and <name>\n");
    }

    @Test
    void should_keep_code_blocks_and_inline_code_exactly() {
        String markdown = """
                Run `<!-- not a comment -->` and `[a](b)`.
                ```html
                <!-- kept -->
                <div>[link](target)</div>

                ![img](x.png)
                ```
                """;

        assertThat(MarkdownCleaner.clean(markdown)).isEqualTo(markdown + "\n");
    }

    @Test
    void should_leave_what_is_not_closed_as_it_is() {
        assertThat(MarkdownCleaner.clean("a [b (c ![d `e")).isEqualTo("a [b (c ![d `e\n");
        assertThat(MarkdownCleaner.clean("---\nno front matter end")).isEqualTo("---\nno front matter end\n");
        assertThat(MarkdownCleaner.clean("text <!-- never closed\nstill hidden")).isEqualTo("text \n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "![", "[![", "`", "``x", "<div", "<!--", "&", "](", "[a](", "<a "})
    void should_clean_two_mebibytes_of_one_repeated_opening_in_linear_time(String opening) {
        String line = opening.repeat(2 * 1024 * 1024 / opening.length());

        String cleaned = TimeBound.within(Duration.ofSeconds(2), () -> MarkdownCleaner.clean(line));

        assertThat(cleaned.length()).isLessThanOrEqualTo(line.length() + 1);
    }
}
