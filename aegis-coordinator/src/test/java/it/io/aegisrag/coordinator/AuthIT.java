package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test server runs with aegis.auth.mode=api-key and a reader, a writer and an admin key: each
 * role may do what it should and no more, and health, metrics and OpenAPI stay open.
 */
class AuthIT {

    private static final String DOCUMENT = "{\"title\":\"Auth\",\"source\":\"auth.md\",\"text\":\"Keys are compared in constant time.\"}";

    private static HttpRequest.Builder ingest() {
        return HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/documents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DOCUMENT));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(AegisClient.BASE.resolve(path)).GET();
    }

    @Test
    void should_answer_401_problem_without_a_key_or_with_an_unknown_one_and_write_nothing() {
        long before = AegisClient.get("/api/v1/documents?limit=1").json().getJsonNumber("total").longValue();

        for (String key : new String[]{null, "not-a-key", "it-admin-key-but-longer"}) {
            AegisClient.Reply reply = AegisClient.send(ingest(), key);

            assertThat(reply.status()).as(String.valueOf(key)).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getString("error_type")).isEqualTo("authentication_error");
            assertThat(reply.body()).doesNotContain("it-admin-key");
        }
        assertThat(AegisClient.send(get("/api/v1/documents"), null).status()).isEqualTo(401);
        assertThat(AegisClient.get("/api/v1/documents?limit=1").json().getJsonNumber("total").longValue()).isEqualTo(before);
    }

    @Test
    void should_let_a_reader_read_and_query_but_not_write() {
        assertThat(AegisClient.send(get("/api/v1/documents"), "it-reader-key").status()).isEqualTo(200);

        AegisClient.Reply write = AegisClient.send(ingest(), "it-reader-key");

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().getString("error_type")).isEqualTo("permission_error");
        assertThat(write.json().getString("detail")).contains("writer");
    }

    @Test
    void should_let_a_writer_ingest_and_delete() {
        AegisClient.Reply created = AegisClient.send(ingest(), "it-writer-key");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        String id = created.json().getString("document_id");
        AegisClient.Reply deleted = AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/documents/" + id)).DELETE(),
                "it-writer-key");

        assertThat(deleted.status()).isEqualTo(204);
    }

    @Test
    void should_leave_health_metrics_and_openapi_open() {
        assertThat(AegisClient.send(get("/health/ready"), null).status()).isEqualTo(200);
        assertThat(AegisClient.send(get("/metrics"), null).status()).isEqualTo(200);
        AegisClient.Reply openapi = AegisClient.send(get("/openapi"), null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("api-key").contains("bearer");
    }

    @Test
    void should_not_count_an_unknown_path_as_an_application_error() {
        PrometheusScrape before = AegisClient.scrape();

        AegisClient.Reply reply = AegisClient.get("/api/v1/wp-login.php");

        assertThat(reply.status()).isEqualTo(404);
        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "not_found"))).isZero();
    }
}
