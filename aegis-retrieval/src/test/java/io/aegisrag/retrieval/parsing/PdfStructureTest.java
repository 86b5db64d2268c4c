package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** PDFs read like documents: headings from size and weight, no running headers or footers, words joined again. */
class PdfStructureTest {

    private record Styled(String text, FontName font, float size) {
    }

    private static Styled body(String text) {
        return new Styled(text, FontName.TIMES_ROMAN, 10);
    }

    private static Styled title(String text) {
        return new Styled(text, FontName.HELVETICA_BOLD, 16);
    }

    private static Styled bold(String text) {
        return new Styled(text, FontName.TIMES_BOLD, 10);
    }

    /** A PDF with these lines per page, each 14 points below the last, a paragraph after each empty line. */
    private static byte[] pdf(List<List<Styled>> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<Styled> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = 740;
                    for (Styled line : lines) {
                        if (line.text().isEmpty()) {
                            y -= 14;
                            continue;
                        }
                        content.beginText();
                        content.setFont(new PDType1Font(line.font()), line.size());
                        content.newLineAtOffset(72, y);
                        content.showText(line.text());
                        content.endText();
                        y -= line.size() + 4;
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static List<Styled> page(int number, Styled... lines) {
        List<Styled> page = new ArrayList<>();
        page.add(body("Orvane Operations Manual — Release 4"));
        page.addAll(List.of(lines));
        page.add(body(""));
        page.add(body(String.valueOf(number)));
        return page;
    }

    private final TikaDocumentParser parser = new TikaDocumentParser(100_000);

    private List<Chunk> chunks(byte[] pdf) {
        ParsedDocument parsed = parser.parse("manual.pdf", pdf);
        return new MarkdownChunker(800, 100).chunk(DocumentId.random(), parsed.title(), "manual.pdf", parsed.text());
    }

    @Test
    void should_give_pdf_chunks_the_headings_of_their_sections_without_running_headers_and_page_numbers() throws IOException {
        byte[] pdf = pdf(List.of(
                page(1, title("1 Installing Orvane"), body(""), body("Unpack the archive into a folder of its own and run the"),
                        body("installer as an administrator.")),
                page(2, title("2 Operating the vault"), body(""), bold("2.1 Opening at dawn"), body(""),
                        body("The vault opens at dawn when both keys are turned within ten seconds.")),
                page(3, bold("2.2 Closing"), body(""), body("The vault closes itself at dusk."))));

        List<Chunk> chunks = chunks(pdf);

        assertThat(chunks).extracting(Chunk::section, Chunk::page).containsExactly(
                tuple("1 Installing Orvane", 1),
                tuple("2 Operating the vault > 2.1 Opening at dawn", 2),
                tuple("2 Operating the vault > 2.2 Closing", 3));
        assertThat(chunks.get(0).text()).isEqualTo("Unpack the archive into a folder of its own and run the installer as an administrator.");
        assertThat(chunks).extracting(Chunk::text).noneMatch(text -> text.contains("Release 4"))
                .noneMatch(text -> text.matches("(?s).*\\b[123]\\s*$"));
    }

    @Test
    void should_join_words_hyphenated_at_the_end_of_a_line() throws IOException {
        byte[] pdf = pdf(List.of(List.of(body("The harbour master keeps the tide ta-"), body("bles in the office, and the well-"),
                body("Known charts beside them."))));

        assertThat(parser.parse("tides.pdf", pdf).text())
                .isEqualTo("The harbour master keeps the tide tables in the office, and the well- Known charts beside them.");
    }

    @Test
    void should_keep_lines_that_repeat_on_fewer_than_three_pages_and_drop_tables_of_contents() throws IOException {
        byte[] pdf = pdf(List.of(
                List.of(body("Contents"), body(""), body("1 Installing . . . . . . . . . . . 2"), body("2 Operating . . . . . . . . . . . 3")),
                List.of(body("Warning"), body("Keep the keys apart.")),
                List.of(body("Warning"), body("Never open the vault at night."))));

        String text = parser.parse("manual.pdf", pdf).text();

        assertThat(text).doesNotContain("Installing", ". . .").contains("Warning Keep the keys apart.");
    }
}
