package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import io.aegisrag.retrieval.testing.SampleFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk ingestion on Liberty: a multipart upload of a zip of mixed files, followed as events to its end, then asked about. */
class IngestionJobsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A multipart/form-data body of the files, by name. */
    static AegisClient.Reply postFiles(String query, List<Map.Entry<String, byte[]>> files) {
        String boundary = "aegis-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return AegisClient.postBytes("/api/v1/ingestions" + query, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Follows the job's events until the one that ends it; the names of all the events read, the last one's data. */
    static List<String> follow(String jobId, JsonObject[] last) {
        List<String> names = new ArrayList<>();
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/ingestions/" + jobId + "/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + AegisClient.ADMIN_KEY)
                    .timeout(Duration.ofMinutes(3)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                        names.add(name);
                    } else if (line.startsWith("data:") && name != null && !name.equals("progress")) {
                        last[0] = Json.createReader(new StringReader(line.substring(5).strip())).readObject();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return names;
    }

    @Test
    void should_ingest_a_zip_of_mixed_files_as_a_job_followed_to_its_end_and_answer_from_page_two() {
        byte[] pdf = SampleFiles.pdf("Tidal atlas of Brennach", null, "Brennach has two tides a day.",
                "The Brennach ferry leaves at the second high tide, never before.");
        byte[] zip = SampleFiles.zip(List.of(Map.entry("atlas/brennach.pdf", pdf),
                Map.entry("atlas/runbook.docx", SampleFiles.docx("# Ferry runbook", "Untie the Brennach ferry from the north pier.")),
                Map.entry("atlas/page.html", SampleFiles.html("Harbour page", "<h1>Harbour</h1><p>The harbour office of Brennach opens at six.</p>")),
                Map.entry("atlas/broken.pdf", Arrays.copyOf(pdf, pdf.length / 3))));
        PrometheusScrape before = AegisClient.scrape();

        AegisClient.Reply accepted = postFiles("", List.of(Map.entry("atlas.zip", zip)));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String jobId = accepted.json().getString("job_id");
        assertThat(accepted.location()).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/ingestions/" + jobId));
        assertThat(accepted.json().getJsonObject("documents").getInt("total")).isEqualTo(4);
        JsonObject[] last = new JsonObject[1];
        List<String> events = follow(jobId, last);
        assertThat(events).last().isEqualTo("completed");
        assertThat(events).contains("progress");
        JsonObject done = last[0];
        assertThat(done.getJsonObject("documents").getInt("ingested")).isEqualTo(3);
        assertThat(done.getJsonObject("documents").getInt("failed")).isEqualTo(1);
        assertThat(done.getJsonArray("files").getValuesAs(JsonObject.class)).filteredOn(file -> file.getString("status").equals("failed"))
                .singleElement().satisfies(file -> assertThat(file.getString("error")).contains("atlas/broken.pdf"));
        assertThat(AegisClient.get("/api/v1/ingestions/" + jobId).json().getString("state")).isEqualTo("completed");

        JsonObject answer = AegisClient.query("At which tide does the Brennach ferry leave?").json();
        assertThat(answer.getJsonArray("sources").getValuesAs(JsonObject.class))
                .filteredOn(source -> source.getString("source").equals("atlas/brennach.pdf")).first().satisfies(source -> {
                    assertThat(source.getInt("page")).isEqualTo(2);
                    assertThat(source.getString("text")).contains("second high tide");
                });
        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "ingested"))).isEqualTo(3);
        assertThat(after.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_ingestion_stage_seconds_count", Map.of("stage", "parse"))).isEqualTo(3);
        assertThat(after.value("aegis_ingestion_jobs", Map.of("state", "completed"))).isPositive();

        AegisClient.Reply again = postFiles("", List.of(Map.entry("atlas.zip", zip)));
        follow(again.json().getString("job_id"), last);
        assertThat(last[0].getJsonObject("documents").getInt("skipped")).as("the same content is recognised").isEqualTo(3);
        done.getJsonArray("files").getValuesAs(JsonObject.class).stream().filter(file -> file.containsKey("document_id"))
                .forEach(file -> AegisClient.delete("/api/v1/documents/" + file.getString("document_id")));
    }

    @Test
    void should_refuse_an_upload_without_files_a_bad_archive_and_an_unknown_job() {
        AegisClient.Reply junk = AegisClient.postBytes("/api/v1/ingestions?name=junk.zip", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8));
        AegisClient.Reply badFlag = postFiles("?replace=maybe", List.of(Map.entry("a.md", "Alpha.".getBytes(StandardCharsets.UTF_8))));

        assertThat(junk.status()).isEqualTo(422);
        assertThat(junk.json().getString("detail")).contains("junk.zip");
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("replace");
        assertThat(AegisClient.get("/api/v1/ingestions/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(AegisClient.delete("/api/v1/ingestions/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
