package it.io.aegisrag.coordinator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's rules on the OpenAI, Ollama and MCP routes, each failure in its protocol's shape: keys,
 * one rate limit per key across protocols, and bad input named by field.
 */
class ProtocolRulesIT {

    private static final String LIMITED_KEY = "it-limited-key";
    private static final int LIMIT = Integer.getInteger("it.rate.limit", 300);
    private static final String CHAT = "{\"model\":\"aegisrag\",\"messages\":[{\"role\":\"user\",\"content\":\"What is a gantry crane?\"}]}";
    private static final String MCP_LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    private static AegisClient.Reply post(String path, String body, String key) {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    private static JsonObject openAiError(AegisClient.Reply reply) {
        assertThat(reply.contentType()).startsWith("application/json");
        return Json.createReader(new StringReader(reply.body())).readObject().getJsonObject("error");
    }

    @Test
    void should_refuse_callers_without_a_known_key_on_every_protocol() {
        AegisClient.Reply openAi = AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/v1/models")).GET(), null);
        assertThat(openAi.status()).isEqualTo(401);
        assertThat(openAiError(openAi).getString("type")).isEqualTo("authentication_error");
        assertThat(openAiError(openAi).getString("message")).contains("Authorization: Bearer");

        AegisClient.Reply ollama = AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/tags")).GET(), "wrong-key");
        assertThat(ollama.status()).isEqualTo(401);
        assertThat(ollama.json().getString("error")).isEqualTo("the API key is not known");

        AegisClient.Reply mcp = post("/mcp", MCP_LIST_TOOLS, null);
        assertThat(mcp.status()).isEqualTo(401);
        assertThat(mcp.contentType()).startsWith("application/problem+json");
        assertThat(mcp.json().getString("error_type")).isEqualTo("authentication_error");
    }

    @Test
    void should_name_the_field_at_fault_in_openai_and_ollama_errors() {
        AegisClient.Reply malformed = post("/v1/chat/completions", "{\"messages\": [", "it-protocol-key");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(openAiError(malformed).getString("param")).isEqualTo("body");

        AegisClient.Reply wrongType = post("/v1/chat/completions", CHAT.replace("}]}", "}],\"stream\":\"yes\"}"), "it-protocol-key");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(openAiError(wrongType).getString("param")).isEqualTo("stream");

        AegisClient.Reply badContent = post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":7}]}", "it-protocol-key");
        assertThat(openAiError(badContent).getString("param")).isEqualTo("messages[0].content");

        AegisClient.Reply badInput = post("/v1/embeddings", "{\"input\":[\"fine\", 3]}", "it-protocol-key");
        assertThat(badInput.status()).isEqualTo(400);
        assertThat(openAiError(badInput).getString("param")).isEqualTo("input[1]");

        AegisClient.Reply tooLarge = post("/v1/embeddings", "{\"input\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}", "it-protocol-key");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(openAiError(tooLarge).getString("type")).isEqualTo("invalid_request_error");

        AegisClient.Reply noPrompt = post("/api/generate", "{\"model\":\"aegisrag\"}", "it-protocol-key");
        assertThat(noPrompt.status()).isEqualTo(400);
        assertThat(noPrompt.json().getString("error")).startsWith("prompt");
    }

    @Test
    void should_share_one_rate_limit_per_key_across_protocols_and_answer_429_in_each_shape() {
        assertThat(spendBudget().status()).isEqualTo(429);

        AegisClient.Reply openAi = rightAfterSpending(() -> post("/v1/chat/completions", CHAT, LIMITED_KEY));
        assertThat(openAi.status()).isEqualTo(429);
        assertThat(openAi.retryAfter()).isPresent();
        assertThat(openAiError(openAi).getString("type")).isEqualTo("rate_limit_error");

        AegisClient.Reply ollama = rightAfterSpending(() -> post("/api/chat", CHAT, LIMITED_KEY));
        assertThat(ollama.status()).isEqualTo(429);
        assertThat(ollama.json().getString("error")).isNotBlank();

        AegisClient.Reply mcp = rightAfterSpending(() -> post("/mcp", MCP_LIST_TOOLS, LIMITED_KEY));
        assertThat(mcp.status()).isEqualTo(429);
        assertThat(mcp.retryAfter()).isPresent();
        assertThat(mcp.json().getString("error_type")).isEqualTo("rate_limited");

        assertThat(post("/v1/chat/completions", CHAT, "it-protocol-key").status()).as("another key keeps its own budget").isEqualTo(200);
    }

    /** Spends the limited key's budget on embeddings; returns the first refusal. */
    private static AegisClient.Reply spendBudget() {
        AegisClient.Reply last = null;
        for (int i = 0; i < 2 * LIMIT && (last == null || last.status() == 200); i++) {
            last = post("/v1/embeddings", "{\"input\":\"spend\"}", LIMITED_KEY);
        }
        return last;
    }

    /**
     * What {@code route} answers the limited key right after its budget was spent on another protocol. The
     * budget refills a call every 60/limit seconds, so a call that happens to find one refilled is tried
     * again after spending it.
     */
    private static AegisClient.Reply rightAfterSpending(Supplier<AegisClient.Reply> route) {
        AegisClient.Reply reply = null;
        for (int attempt = 0; attempt < 5 && (reply == null || reply.status() != 429); attempt++) {
            spendBudget();
            reply = route.get();
        }
        return reply;
    }
}
