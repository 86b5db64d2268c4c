package io.aegisrag.retrieval.chunking;

import io.aegisrag.core.testing.TimeBound;
import io.aegisrag.retrieval.chunking.MarkdownBlocks.HeadingBlock;
import io.aegisrag.retrieval.chunking.MarkdownBlocks.TextBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownBlocksTest {

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

        assertThat(MarkdownBlocks.read(markdown)).containsExactly(new HeadingBlock(1, "Clean install"),
                new TextBlock("It removes `node_modules` first."));
    }

    @Test
    void should_keep_the_text_of_links_and_html_and_decode_entities_and_escapes() {
        String markdown = "See [`npm install`](/commands/npm-install) and [the docs][docs]: <b>bold</b> &amp; a&nbsp;b"
                + " <https://example.org> x < y, \\*not emphasis\\* and **strong**\n\n[docs]: /docs\n\n<div align=\"center\">centred <i>text</i></div>\n";

        assertThat(MarkdownBlocks.read(markdown)).containsExactly(
                new TextBlock("See `npm install` and the docs: bold & a\u00a0b https://example.org x < y, *not emphasis* and strong"),
                new TextBlock("centred text"));
    }

    @Test
    void should_keep_code_blocks_and_inline_code_exactly_as_written() {
        String code = """
                ```html
                <!-- kept -->
                <div>[link](target)</div>

                ![img](x.png)
                # not a heading
                ```""";
        String markdown = "Run `<!-- not a comment -->` and `` `[a](b)` ``.\n" + code + "\n\n    # indented code\n    stays\n";

        assertThat(MarkdownBlocks.read(markdown)).containsExactly(new TextBlock("Run `<!-- not a comment -->` and `` `[a](b)` ``."),
                new TextBlock(code), new TextBlock("# indented code\n    stays"));
    }

    @Test
    void should_read_setext_and_closed_headings_lists_and_tables_as_markdown_does() {
        String markdown = """
                Install
                =======
                ## Steps ##
                1. Unpack it.
                2. Run it.

                - one
                - two

                | key | default |
                |---|---|
                | a\\|b | `1` |
                """;

        assertThat(MarkdownBlocks.read(markdown)).containsExactly(new HeadingBlock(1, "Install"), new HeadingBlock(2, "Steps"),
                new TextBlock("1. Unpack it."), new TextBlock("2. Run it."), new TextBlock("- one"), new TextBlock("- two"),
                new TextBlock("| key | default |\n|---|---|\n| a\\|b | `1` |"));
    }

    @Test
    void should_show_what_is_not_closed_as_written() {
        assertThat(MarkdownBlocks.read("a [b (c ![d `e")).containsExactly(new TextBlock("a [b (c ![d `e"));
        assertThat(MarkdownBlocks.read("---\nno front matter end")).extracting(Object::toString).singleElement().asString()
                .contains("no front matter end");
        assertThat(MarkdownBlocks.read("text\n\n<!-- never closed\nstill hidden")).containsExactly(new TextBlock("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "![", "[![", "`", "``x", "<div", "<!--", "&", "](", "[a](", "<a ", "*", "_a", "> ", "- ", "1. "})
    void should_read_a_quarter_mebibyte_of_one_repeated_opening_in_linear_time(String opening) {
        String line = opening.repeat(256 * 1024 / opening.length());

        List<MarkdownBlocks.Block> blocks = TimeBound.within(Duration.ofSeconds(8), () -> MarkdownBlocks.read(line));

        assertThat(blocks.stream().mapToInt(block -> block.toString().length()).sum()).isLessThanOrEqualTo(3 * line.length());
    }
}
