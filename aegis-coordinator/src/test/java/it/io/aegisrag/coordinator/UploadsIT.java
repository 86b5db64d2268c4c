package it.io.aegisrag.coordinator;

import io.aegisrag.retrieval.testing.SampleFiles;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** PDF, Word and HTML files sent to {@code POST /api/v1/documents}, and the files refused with the reason. */
class UploadsIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void should_answer_from_page_two_of_a_pdf_and_say_the_page() {
        byte[] pdf = SampleFiles.pdf("Harbour of Quellmar", null, "Quellmar harbour was dredged in spring.",
                "The lighthouse keeper of Quellmar feeds the gulls at noon.");

        AegisClient.Reply created = AegisClient.postBytes("/api/v1/documents?source=quellmar.pdf", "application/pdf", pdf);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("document_id");
        JsonObject read = AegisClient.get("/api/v1/documents/" + id).json();
        assertThat(read.getString("title")).isEqualTo("Harbour of Quellmar");
        assertThat(read.getString("source")).isEqualTo("quellmar.pdf");
        assertThat(read.getJsonObject("metadata").getString("content_type")).isEqualTo("application/pdf");
        assertThat(read.getJsonObject("metadata").getString("pages")).isEqualTo("2");
        JsonObject answer = AegisClient.query("When does the lighthouse keeper of Quellmar feed the gulls?").json();
        assertThat(answer.getJsonArray("sources").getValuesAs(JsonObject.class)).first().satisfies(source -> {
            assertThat(source.getString("document_id")).isEqualTo(id);
            assertThat(source.getInt("page")).isEqualTo(2);
            assertThat(source.getString("text")).contains("gulls at noon");
        });
        AegisClient.delete("/api/v1/documents/" + id);
    }

    @Test
    void should_read_a_word_file_sent_as_octet_stream_with_its_headings() {
        byte[] docx = SampleFiles.docx("# Vorstadt runbook", "## Restarts", "Restart the Vorstadt gateway with the blue lever.");

        AegisClient.Reply created = AegisClient.postBytes("/api/v1/documents?source=runbook.docx&title=Runbook", "application/octet-stream", docx);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("document_id");
        JsonObject answer = AegisClient.query("How do I restart the Vorstadt gateway?").json();
        assertThat(answer.getJsonArray("sources").getValuesAs(JsonObject.class)).first().satisfies(source -> {
            assertThat(source.getString("title")).isEqualTo("Runbook");
            assertThat(source.getString("section")).isEqualTo("Vorstadt runbook > Restarts");
            assertThat(source.containsKey("page")).as("a Word file has no pages").isFalse();
        });
        assertThat(AegisClient.get("/api/v1/documents/" + id).json().getJsonObject("metadata").getString("content_type")).isEqualTo(DOCX);
        AegisClient.delete("/api/v1/documents/" + id);
    }

    @Test
    void should_refuse_encrypted_corrupt_and_unsupported_files_naming_them_and_storing_nothing() {
        long before = AegisClient.get("/api/v1/documents?limit=1").json().getJsonNumber("total").longValue();
        byte[] pdf = SampleFiles.pdf("Cut", null, "This PDF loses its end.");

        assertRefused("locked.pdf", "application/pdf", SampleFiles.pdf("Locked", "s3cret", "Secret."), 422, "encrypted");
        assertRefused("cut.pdf", "application/pdf", Arrays.copyOf(pdf, pdf.length / 3), 422, "not a readable PDF");
        assertRefused("scan.pdf", "application/pdf", SampleFiles.pdf("Scan", null, " "), 422, "no text");
        assertRefused("photo.png", "application/octet-stream", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}, 415, "not read");

        assertThat(AegisClient.get("/api/v1/documents?limit=1").json().getJsonNumber("total").longValue()).isEqualTo(before);
    }

    private static void assertRefused(String name, String contentType, byte[] content, int status, String reason) {
        AegisClient.Reply refused = AegisClient.postBytes("/api/v1/documents?source=" + name, contentType, content);

        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonObject problem = refused.json();
        assertThat(problem.getString("error_type")).isEqualTo("validation_error");
        assertThat(problem.getString("detail")).contains(name).contains(reason);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("file");
    }
}
