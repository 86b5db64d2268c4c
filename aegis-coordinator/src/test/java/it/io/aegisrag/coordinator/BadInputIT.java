package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a 4xx problem+json naming the problem, is counted once, and writes nothing. */
class BadInputIT {

    private static final String JSON = "application/json";

    static Stream<Arguments> badRequests() {
        String longQuery = "a".repeat(4001);
        String hugeText = "word ".repeat(500_000);
        return Stream.of(
                Arguments.of("empty query", "/api/v1/query", JSON, "{\"query\":\"\"}", 400, "validation_error", "query"),
                Arguments.of("4001-character query", "/api/v1/query", JSON, "{\"query\":\"" + longQuery + "\"}", 400, "validation_error", "query"),
                Arguments.of("top_k 0", "/api/v1/query", JSON, "{\"query\":\"q\",\"top_k\":0}", 400, "validation_error", "top_k"),
                Arguments.of("top_k 51", "/api/v1/query", JSON, "{\"query\":\"q\",\"top_k\":51}", 400, "validation_error", "top_k"),
                Arguments.of("top_k of the wrong type", "/api/v1/query", JSON, "{\"query\":\"q\",\"top_k\":\"five\"}", 400, "validation_error", "top_k"),
                Arguments.of("unknown mode", "/api/v1/query", JSON, "{\"query\":\"q\",\"mode\":\"psychic\"}", 400, "validation_error", "mode"),
                Arguments.of("unknown model", "/api/v1/query", JSON, "{\"query\":\"q\",\"model\":\"gpt-9\"}", 400, "validation_error", "model"),
                Arguments.of("malformed JSON", "/api/v1/query", JSON, "{\"query\": ", 400, "validation_error", "body"),
                Arguments.of("JSON nested 100,000 deep", "/api/v1/query", JSON, "{\"query\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        400, "validation_error", "body"),
                Arguments.of("query of zero-width spaces", "/api/v1/query", JSON, "{\"query\":\"\u200B\u200B\u200B\"}", 400, "validation_error", "query"),
                Arguments.of("query of marks and punctuation", "/api/v1/query", JSON, "{\"query\":\"\u202E?!\u202C \\u0000\"}", 400, "validation_error", "query"),
                Arguments.of("query of the wrong type", "/api/v1/query", JSON, "{\"query\":[1,2]}", 400, "validation_error", "query"),
                Arguments.of("body that is not an object", "/api/v1/query", JSON, "[\"q\"]", 400, "validation_error", "body"),
                Arguments.of("metadata of the wrong type", "/api/v1/documents", JSON, "{\"title\":\"t\",\"text\":\"x\",\"metadata\":{\"a\":1}}", 400, "validation_error", "metadata.a"),
                Arguments.of("no body", "/api/v1/query", JSON, "", 400, "validation_error", "body"),
                Arguments.of("wrong content type", "/api/v1/query", "application/xml", "<query/>", 415, "validation_error", null),
                Arguments.of("document without text", "/api/v1/documents", JSON, "{\"title\":\"t\",\"text\":\"  \"}", 400, "validation_error", "text"),
                Arguments.of("document without title", "/api/v1/documents", JSON, "{\"text\":\"Some text.\"}", 400, "validation_error", "title"),
                Arguments.of("document with only punctuation", "/api/v1/documents", JSON, "{\"title\":\"t\",\"text\":\"# --- ***\"}", 400, "validation_error", "text"),
                Arguments.of("markdown without title", "/api/v1/documents", "text/markdown", "# Hello\n\nworld", 400, "validation_error", "title"),
                Arguments.of("oversized document", "/api/v1/documents", JSON, "{\"title\":\"big\",\"text\":\"" + hugeText + "\"}", 413, "validation_error", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void should_reject_with_a_problem_that_names_the_field_count_it_and_write_nothing(
            String name, String path, String contentType, String body, int status, String errorType, String field) {
        PrometheusScrape before = AegisClient.scrape();
        long documentsBefore = AegisClient.get("/api/v1/documents?limit=1").json().getJsonNumber("total").longValue();

        AegisClient.Reply reply = AegisClient.post(path, contentType, body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("error_type")).isEqualTo(errorType);
        assertThat(problem.getString("type")).endsWith("/" + errorType);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        if (field != null) {
            assertThat(problem.getString("detail")).contains(field);
            assertThat(problem.containsKey("errors") ? problem.getJsonArray("errors").getJsonObject(0).getString("field") : field)
                    .isEqualTo(field);
        }
        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", errorType))).isEqualTo(1);
        assertThat(after.value("aegis_vector_points_count", Map.of("store", "lucene")))
                .isEqualTo(before.value("aegis_vector_points_count", Map.of("store", "lucene")));
        assertThat(AegisClient.get("/api/v1/documents?limit=1").json().getJsonNumber("total").longValue()).isEqualTo(documentsBefore);
    }

    @Test
    void should_answer_404_with_a_problem_for_an_unknown_document() {
        PrometheusScrape before = AegisClient.scrape();

        for (String id : new String[]{"3fa85f64-5717-4562-b3fc-2c963f66afa6", "not-a-uuid"}) {
            AegisClient.Reply reply = AegisClient.get("/api/v1/documents/" + id);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getString("detail")).contains(id);
        }
        assertThat(AegisClient.delete("/api/v1/documents/3fa85f64-5717-4562-b3fc-2c963f66afa6").status()).isEqualTo(404);

        assertThat(AegisClient.scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "not_found"))).isEqualTo(3);
    }

    @Test
    void should_name_the_paging_parameter_that_is_out_of_range() {
        for (String query : new String[]{"limit=0", "limit=101", "limit=ten", "offset=-1"}) {
            AegisClient.Reply reply = AegisClient.get("/api/v1/documents?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().getString("detail")).contains(query.substring(0, query.indexOf('=')));
        }
    }
}
