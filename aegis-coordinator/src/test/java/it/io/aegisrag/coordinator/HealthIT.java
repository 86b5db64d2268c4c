package it.io.aegisrag.coordinator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIT {

    @Test
    void should_be_ready_with_one_check_per_backing_service() {
        AegisClient.Reply reply = AegisClient.get("/health/ready");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject health = reply.json();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").stream().map(JsonValue::asJsonObject).map(check -> check.getString("name")))
                .containsExactlyInAnyOrder("vector_store", "graph_store", "temporal_memory", "short_term_memory",
                        "embedding_model", "chat_model");
    }

    @Test
    void should_be_live() {
        AegisClient.Reply reply = AegisClient.get("/health/live");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void should_describe_the_api_in_openapi() {
        AegisClient.Reply reply = AegisClient.get("/openapi");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("/api/v1/query", "/api/v1/documents", "/api/v1/documents/{id}");
    }
}
