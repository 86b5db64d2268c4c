package it.io.aegisrag.coordinator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsIT {

    @AfterAll
    static void deleteCorpus() {
        Corpus.deleteAll();
    }

    @Test
    void should_ingest_json_and_read_it_back_with_its_location() {
        JsonObject body = Json.createObjectBuilder()
                .add("title", "Release notes")
                .add("source", "notes.md")
                .add("text", "# Release 1.2\n\nRelease 1.2 adds Qdrant support.\n\n## Fixes\n\nThe Neo4j adapter no longer leaks sessions.")
                .add("metadata", Json.createObjectBuilder().add("team", "search"))
                .build();

        AegisClient.Reply created = AegisClient.postJson("/api/v1/documents", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("document_id");
        assertThat(created.json().getInt("chunks")).isEqualTo(2);
        assertThat(created.json().getInt("entities")).isPositive();
        assertThat(created.location()).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/documents/" + id));
        JsonObject read = AegisClient.get("/api/v1/documents/" + id).json();
        assertThat(read.getString("title")).isEqualTo("Release notes");
        assertThat(read.getString("source")).isEqualTo("notes.md");
        assertThat(read.getString("text")).contains("leaks sessions");
        assertThat(read.getJsonObject("metadata").getString("team")).isEqualTo("search");
        AegisClient.delete("/api/v1/documents/" + id);
    }

    @Test
    void should_list_newest_first_in_pages() {
        String older = Corpus.ingest("older " + UUID.randomUUID(), "First document about paging.");
        String newer = Corpus.ingest("newer " + UUID.randomUUID(), "Second document about paging.");

        JsonObject page = AegisClient.get("/api/v1/documents?offset=0&limit=2").json();

        assertThat(page.getInt("limit")).isEqualTo(2);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("document_id")).isEqualTo(newer);
        assertThat(page.getJsonArray("items").getJsonObject(1).getString("document_id")).isEqualTo(older);
        JsonObject next = AegisClient.get("/api/v1/documents?offset=1&limit=1").json();
        assertThat(next.getJsonArray("items").getJsonObject(0).getString("document_id")).isEqualTo(older);
    }

    @Test
    void should_forget_every_chunk_of_a_deleted_document() {
        String marker = "zorblax" + UUID.randomUUID().toString().substring(0, 8);
        String id = AegisClient.ingestMarkdown("temporary", "The " + marker + " protocol syncs caches every minute.");
        assertThat(AegisClient.query("What does the " + marker + " protocol do?").json().getJsonArray("sources").getJsonObject(0)
                .getString("document_id")).isEqualTo(id);

        assertThat(AegisClient.delete("/api/v1/documents/" + id).status()).isEqualTo(204);

        assertThat(AegisClient.get("/api/v1/documents/" + id).status()).isEqualTo(404);
        assertThat(AegisClient.query("What does the " + marker + " protocol do?").json().getJsonArray("sources"))
                .noneSatisfy(source -> assertThat(source.asJsonObject().getString("document_id")).isEqualTo(id));
        assertThat(AegisClient.delete("/api/v1/documents/" + id).status()).isEqualTo(404);
    }
}
