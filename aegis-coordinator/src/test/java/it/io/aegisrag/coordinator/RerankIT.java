package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM test server reranks with a cross-encoder over HTTP (aegis.retrieval.rerank=http) whose
 * vLLM /v1/rerank WireMock replays: by default it keeps the fused order; for a question holding a
 * test's marker it reverses it, fails, or answers too late.
 */
class RerankIT {

    @BeforeAll
    static void indexDocuments() {
        LlmServer.ollamaHasPulledItsModels();
        LlmServer.ingest("Reranking notes", "A cross-encoder reads the question and the passage together. Rerankers reorder candidates.");
        LlmServer.ingest("Fusion notes", "Fusion merges the rankings of several retrievers. Candidates found by many retrievers rank high.");
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static List<JsonObject> sources(String question) {
        AegisClient.Reply reply = LlmServer.postJson("/api/v1/query",
                Json.createObjectBuilder().add("query", question).add("model", "extractive").add("top_k", 3).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("sources").getValuesAs(JsonObject.class);
    }

    private static List<Double> fusedScores(List<JsonObject> sources) {
        return sources.stream().map(source -> source.getJsonNumber("score").doubleValue()).toList();
    }

    @Test
    void should_order_the_sources_as_the_cross_encoder_scores_them() {
        String marker = marker();
        LlmServer.PROVIDERS.register(post("/v1/rerank").atPriority(1).withRequestBody(containing(marker)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody(
                        "{\"results\":[{{#each (jsonPath request.body '$.documents') as |document|}}{{#unless @first}},{{/unless}}"
                                + "{\"index\":{{@index}},\"relevance_score\":{{@index}} }{{/each}}]}")));
        PrometheusScrape before = LlmServer.scrape();

        List<JsonObject> sources = sources("How do candidates get reordered? " + marker);

        assertThat(sources).isNotEmpty();
        for (int i = 0; i < sources.size(); i++) {
            assertThat(sources.get(i).getJsonObject("ranks").getInt("rerank")).isEqualTo(i + 1);
        }
        assertThat(fusedScores(sources)).as("the cross-encoder reversed the fused order").isSortedAccordingTo(Comparator.naturalOrder());
        LlmServer.PROVIDERS.verifyThat(postRequestedFor(urlEqualTo("/v1/rerank")).withRequestBody(containing(marker))
                .withHeader("Authorization", equalTo("Bearer it-rerank-key")));
        PrometheusScrape after = LlmServer.scrape();
        assertThat(after.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "rerank"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_rerank_fallbacks_total", Map.of("reranker", "http"))).isZero();
    }

    @Test
    void should_keep_the_fused_order_and_count_the_fallback_when_the_cross_encoder_fails_or_is_slow() {
        String failing = marker();
        String slow = marker();
        LlmServer.PROVIDERS.register(post("/v1/rerank").atPriority(1).withRequestBody(containing(failing)).willReturn(aResponse().withStatus(503)
                .withBody("{\"object\":\"error\",\"message\":\"The model is loading\",\"code\":503}")));
        LlmServer.PROVIDERS.register(post("/v1/rerank").atPriority(1).withRequestBody(containing(slow)).willReturn(aResponse().withFixedDelay(3000)
                .withBody("{\"results\":[]}")));
        PrometheusScrape before = LlmServer.scrape();

        List<JsonObject> afterFailure = sources("How do candidates get reordered? " + failing);
        List<JsonObject> afterTimeout = sources("How do candidates get reordered? " + slow);

        for (List<JsonObject> sources : List.of(afterFailure, afterTimeout)) {
            assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(source.getJsonObject("ranks").containsKey("rerank")).isFalse());
            assertThat(fusedScores(sources)).isSortedAccordingTo(Comparator.reverseOrder());
        }
        PrometheusScrape after = LlmServer.scrape();
        assertThat(after.increaseSince(before, "aegis_rerank_fallbacks_total", Map.of("reranker", "http"))).isEqualTo(2);
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "llm_error"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "timeout"))).isEqualTo(1);
    }
}
