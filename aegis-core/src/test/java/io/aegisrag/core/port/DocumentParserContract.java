package io.aegisrag.core.port;

import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.core.error.UnreadableDocumentException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link DocumentParser} adapter must do. {@link #createParser} builds one that allows 100,000 characters. */
public abstract class DocumentParserContract {

    protected abstract DocumentParser createParser() throws Exception;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_take_markdown_as_it_is_whatever_its_name_says() throws Exception {
        String markdown = "# Notes\n\nUTF-8 survives: Skłodowska, 東京.\n\n## Next\n\nMore words.";

        ParsedDocument parsed = createParser().parse("notes.md", utf8(markdown));

        assertThat(parsed.text()).isEqualTo(markdown);
        assertThat(parsed.pages()).isZero();
    }

    @Test
    void should_read_html_headings_as_markdown_headings_and_tell_its_type() throws Exception {
        byte[] html = utf8("<!DOCTYPE html><html><head><title>Caching guide</title></head><body><main>"
                + "<h1>Caching</h1><p>Redis evicts least recently used keys.</p><h2>Policies</h2><p>noeviction refuses writes.</p>"
                + "</main></body></html>");

        ParsedDocument parsed = createParser().parse("", html);

        assertThat(parsed.title()).isEqualTo("Caching guide");
        assertThat(parsed.text()).contains("# Caching", "## Policies", "Redis evicts least recently used keys.");
        assertThat(parsed.mediaType()).isEqualTo("text/html");
    }

    @Test
    void should_refuse_an_empty_file_naming_it() throws Exception {
        DocumentParser parser = createParser();

        assertThatThrownBy(() -> parser.parse("empty.txt", new byte[0])).isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.EMPTY);
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.getMessage()).contains("empty.txt");
        });
    }

    @Test
    void should_refuse_a_type_it_does_not_read_whatever_the_file_is_called() throws Exception {
        DocumentParser parser = createParser();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> parser.parse("picture.txt", png)).isInstanceOfSatisfying(UnreadableDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
    }

    @Test
    void should_refuse_more_text_than_allowed() throws Exception {
        DocumentParser parser = createParser();

        assertThatThrownBy(() -> parser.parse("long.txt", utf8("word ".repeat(30_000)))).isInstanceOfSatisfying(UnreadableDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }
}
