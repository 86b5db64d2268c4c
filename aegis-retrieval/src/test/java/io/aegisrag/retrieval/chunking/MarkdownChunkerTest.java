package io.aegisrag.retrieval.chunking;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.testing.TimeBound;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownChunkerTest {

    private final DocumentId id = DocumentId.random();

    @Test
    void should_keep_each_section_in_its_own_chunks_with_its_heading_path() {
        String text = """
                # Guide
                Intro paragraph.

                ## Install
                Run the installer.

                ## Configure
                Edit the file.
                """;

        List<Chunk> chunks = new MarkdownChunker(200, 20).chunk(id, "Guide", "guide.md", text);

        assertThat(chunks).extracting(Chunk::section).containsExactly("Guide", "Guide > Install", "Guide > Configure");
        assertThat(chunks).extracting(Chunk::text).containsExactly("Intro paragraph.", "Run the installer.", "Edit the file.");
        assertThat(chunks).extracting(Chunk::position).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(Chunk::id).containsExactly(id + "#0", id + "#1", id + "#2");
    }

    @Test
    void should_keep_each_page_in_its_own_chunks_with_its_page_the_heading_path_going_on() {
        String text = "# Vaults\n\nThe vault opens at dawn.\fIts key is in Tarsis.\n\n## Keys\n\nThere are two.\f\fLast page.";

        List<Chunk> chunks = new MarkdownChunker(200, 20).chunk(id, "Vaults", "vaults.pdf", text);

        assertThat(chunks).extracting(Chunk::text, Chunk::page, Chunk::section).containsExactly(
                tuple("The vault opens at dawn.", 1, "Vaults"), tuple("Its key is in Tarsis.", 2, "Vaults"),
                tuple("There are two.", 2, "Vaults > Keys"), tuple("Last page.", 4, "Vaults > Keys"));
        assertThat(new MarkdownChunker(200, 20).chunk(id, "t", "s", "No pages here.")).extracting(Chunk::page).containsExactly(0);
    }

    @Test
    void should_never_exceed_the_size_and_should_overlap_consecutive_chunks() {
        String sentence = "Lucene stores vectors in HNSW graphs for fast approximate search. ";
        String text = sentence.repeat(40);

        List<Chunk> chunks = new MarkdownChunker(300, 60).chunk(id, "t", "s", text);

        assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(300));
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String tail = previous.substring(previous.length() - 20);
            assertThat(chunks.get(i).text()).as("chunk %d repeats the end of chunk %d", i, i - 1).contains(tail.strip());
        }
    }

    @Test
    void should_split_a_word_longer_than_the_chunk_size() {
        List<Chunk> chunks = new MarkdownChunker(50, 0).chunk(id, "t", "s", "x".repeat(120));

        assertThat(chunks).extracting(chunk -> chunk.text().length()).containsExactly(50, 50, 20);
    }

    @Test
    void should_not_take_a_hash_inside_a_code_fence_for_a_heading() {
        String text = """
                # Script
                ```
                # not a heading
                echo hi
                ```
                """;

        List<Chunk> chunks = new MarkdownChunker(200, 0).chunk(id, "t", "s", text);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.section()).isEqualTo("Script");
            assertThat(chunk.text()).contains("# not a heading");
        });
    }

    @Test
    void should_keep_a_shorter_fence_shown_inside_a_longer_one_as_code() {
        String text = "# Markdown\n````\n```\n# not a heading\n```\n````\n\n# After\n\nText.";

        List<Chunk> chunks = new MarkdownChunker(200, 0).chunk(id, "t", "s", text);

        assertThat(chunks).extracting(Chunk::section).containsExactly("Markdown", "After");
        assertThat(chunks.get(0).text()).contains("# not a heading");
    }

    @Test
    void should_split_a_table_longer_than_a_chunk_between_its_rows() {
        StringBuilder table = new StringBuilder("| method | what it does |\n|---|---|");
        for (int i = 0; i < 12; i++) {
            table.append("\n| orElse").append(i).append("(T other) | Returns the value if present? Otherwise other. |");
        }

        List<Chunk> chunks = new MarkdownChunker(200, 0).chunk(id, "t", "s", table.toString());

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk ->
                assertThat(chunk.text().lines()).allMatch(line -> line.startsWith("|") && line.endsWith("|")));
    }

    @Test
    void should_produce_no_chunk_for_blank_text() {
        assertThat(new MarkdownChunker(100, 10).chunk(id, "t", "s", " \n\n # \n")).isEmpty();
    }

    @Test
    void should_reject_an_overlap_of_half_the_size_or_more() {
        assertThatThrownBy(() -> new MarkdownChunker(100, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkdownChunker(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_read_a_heading_padded_with_thousands_of_spaces_at_once() {
        String text = "# a" + " ".repeat(100_000) + "b\n\nBody text.";

        List<Chunk> chunks = TimeBound.within(Duration.ofSeconds(1), () -> new MarkdownChunker(800, 100).chunk(id, "t", "s", text));

        assertThat(chunks).extracting(Chunk::section).containsExactly("a" + " ".repeat(100_000) + "b");
        assertThat(chunks).extracting(Chunk::text).containsExactly("Body text.");
    }

    @Test
    void should_read_closed_and_bare_headings_as_markdown_does() {
        String text = "## Install ##\nRun it.\n\n#NotAHeading\n\n####### seven\n";

        List<Chunk> chunks = new MarkdownChunker(800, 100).chunk(id, "t", "s", text);

        assertThat(chunks).extracting(Chunk::section).containsOnly("Install");
        assertThat(chunks).extracting(Chunk::text).containsExactly("Run it.\n#NotAHeading\n####### seven");
    }

    @Test
    void should_split_a_two_mebibyte_line_into_chunks_of_the_size_in_linear_time() {
        String word = "x".repeat(2 * 1024 * 1024);
        String spaced = "word ".repeat(400_000);

        for (String line : List.of(word, spaced, "- " + spaced, "a.".repeat(1024 * 1024))) {
            List<Chunk> chunks = TimeBound.within(Duration.ofSeconds(2), () -> new MarkdownChunker(800, 100).chunk(id, "t", "s", line));

            assertThat(chunks).isNotEmpty().allSatisfy(chunk -> assertThat(chunk.text().length()).isBetween(1, 800));
        }
    }

    @Test
    void should_keep_right_to_left_marks_and_surrogate_pairs_intact_and_read_nul_as_commonmark_does() {
        String text = "Null\u0000byte and \u202Eright to left\u202C and \uD83D\uDE00 emoji " + "\uD83D\uDE00".repeat(1000)
                + " and a lone \uD800 surrogate.";

        List<Chunk> chunks = new MarkdownChunker(100, 10).chunk(id, "t", "s", text);

        assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).contains("Null\uFFFDbyte", "\u202E", "\uD800");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(Character.isLowSurrogate(chunk.text().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.text().charAt(chunk.text().length() - 1))).isFalse();
        });
    }
}
