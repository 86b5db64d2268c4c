package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.port.DocumentParserContract;
import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.core.error.UnreadableDocumentException.Reason;
import io.aegisrag.core.port.DocumentParser;
import io.aegisrag.retrieval.testing.SampleFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Tika parser, also against the port's contract. */
class TikaDocumentParserTest extends DocumentParserContract {

    private final TikaDocumentParser parser = new TikaDocumentParser(100_000);

    @Override
    protected DocumentParser createParser() {
        return parser;
    }

    private static String[] pages(ParsedDocument parsed) {
        return parsed.text().split(String.valueOf(DocumentParser.PAGE_BREAK));
    }

    @Test
    void should_read_a_pdf_page_by_page_with_its_title_whatever_its_name() {
        byte[] pdf = SampleFiles.pdf("Vaults of Orvane", null, "The Orvane vault opens at dawn.", "Its second key is kept in Tarsis.\nNobody knows why.");

        ParsedDocument parsed = parser.parse("upload.bin", pdf);

        assertThat(parsed.mediaType()).isEqualTo("application/pdf");
        assertThat(parsed.title()).isEqualTo("Vaults of Orvane");
        assertThat(parsed.pages()).isEqualTo(2);
        assertThat(pages(parsed)).hasSize(2);
        assertThat(pages(parsed)[0]).contains("The Orvane vault opens at dawn.").doesNotContain("Tarsis");
        assertThat(pages(parsed)[1]).contains("Its second key is kept in Tarsis.").contains("Nobody knows why.");
    }

    @Test
    void should_read_a_word_document_with_its_headings_as_markdown() {
        byte[] docx = SampleFiles.docx("# Deployment", "Liberty starts in two seconds.", "## Tuning", "Set the heap to 512 MB.");

        ParsedDocument parsed = parser.parse("guide.docx", docx);

        assertThat(parsed.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(parsed.text()).contains("# Deployment\n\nLiberty starts in two seconds.\n\n## Tuning\n\nSet the heap to 512 MB.");
        assertThat(parsed.pages()).isZero();
    }

    @Test
    void should_read_a_presentation_slide_by_slide() {
        ParsedDocument parsed = parser.parse("deck.pptx", SampleFiles.pptx("Quarterly plan for Zentara", "Hire two engineers in Lyon"));

        assertThat(parsed.pages()).isEqualTo(2);
        assertThat(pages(parsed)[0]).contains("Quarterly plan for Zentara");
        assertThat(pages(parsed)[1]).contains("Hire two engineers in Lyon");
    }

    @Test
    void should_read_html_without_what_a_reader_never_sees() {
        byte[] html = SampleFiles.html("Caching guide", "<h1>Caching</h1><p>Redis evicts <b>least recently</b> used keys.</p>"
                + "<ul><li>allkeys-lru</li><li>noeviction</li></ul>");

        ParsedDocument parsed = parser.parse("", html);

        assertThat(parsed.title()).isEqualTo("Caching guide");
        assertThat(parsed.text()).isEqualTo("# Caching\n\nRedis evicts least recently used keys.\n\n- allkeys-lru\n- noeviction");
    }

    @Test
    void should_take_markdown_and_text_as_they_are() {
        String markdown = "# Notes\n\nUTF-8 survives: Skłodowska, 東京.";

        assertThat(parser.parse("notes.md", markdown.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(markdown);
        assertThat(parser.parse("notes", "plain words".getBytes(StandardCharsets.UTF_8)).mediaType()).isEqualTo("text/plain");
        assertThat(parser.parse("setup.txt", "#!/bin/sh\n# Installs the Orvane tools\necho done\n".getBytes(StandardCharsets.UTF_8)).text())
                .as("a script is text").contains("Installs the Orvane tools");
        assertThat(parser.parse("data.csv", "name,city\nAda,London\n".getBytes(StandardCharsets.UTF_8)).text()).contains("Ada,London");
    }

    @Test
    void should_refuse_an_encrypted_pdf_naming_the_file() {
        byte[] locked = SampleFiles.pdf("Secret", "s3cret", "Nothing to read here.");

        assertThatThrownBy(() -> parser.parse("locked.pdf", locked)).isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED);
            assertThat(e.reason().httpStatus()).isEqualTo(422);
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.getMessage()).contains("locked.pdf").contains("encrypted");
        });
    }

    @Test
    void should_refuse_a_corrupt_pdf_an_empty_file_and_a_file_of_another_type() {
        byte[] pdf = SampleFiles.pdf("Cut", null, "This PDF loses its end.");
        byte[] cut = Arrays.copyOf(pdf, pdf.length / 3);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThat(reason("cut.pdf", cut)).isEqualTo(Reason.CORRUPT);
        assertThat(reason("empty.txt", new byte[0])).isEqualTo(Reason.EMPTY);
        assertThat(reason("blank.pdf", SampleFiles.pdf("Blank", null, " "))).isEqualTo(Reason.EMPTY);
        assertThat(reason("picture.png", png)).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(reason("archive.zip", SampleFiles.zip(List.of(Map.entry("a.txt", "a".getBytes(StandardCharsets.UTF_8))))))
                .isEqualTo(Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void should_refuse_a_file_with_more_text_than_allowed() {
        TikaDocumentParser small = new TikaDocumentParser(100);

        assertThat(reason(small, "long.txt", "word ".repeat(100).getBytes(StandardCharsets.UTF_8))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(small, "long.docx", SampleFiles.docx("word ".repeat(100)))).isEqualTo(Reason.TOO_LARGE);
    }

    private Reason reason(String fileName, byte[] content) {
        return reason(parser, fileName, content);
    }

    private static Reason reason(TikaDocumentParser parser, String fileName, byte[] content) {
        try {
            parser.parse(fileName, content);
        } catch (UnreadableDocumentException e) {
            assertThat(e.getMessage()).contains(fileName);
            return e.reason();
        }
        throw new AssertionError(fileName + " was read");
    }
}
