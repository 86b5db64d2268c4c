package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The app on Liberty against Ollama and an OpenAI-compatible server replayed by WireMock (started by
 * the build): generated answers, the SSE chat, the fallback chain, cancellation on disconnect, costs
 * and the budget stop, each checked by the response and by the values on /metrics. The budget test
 * runs last: it spends the month's budget of the test server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationIT {

    private static final Map<String, String> OLLAMA = Map.of("provider", "ollama", "model", "llama3.1:8b");
    private static final Map<String, String> OPENAI = Map.of("provider", "openai", "model", "gpt-4o-mini");

    @BeforeAll
    static void indexADocument() {
        LlmServer.ollamaHasPulledItsModels();
        LlmServer.ingest("Vector databases", "Qdrant is a vector database written in Rust. Lucene is a search library written in Java.");
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var all = new java.util.HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    @Test
    @Order(1)
    void should_answer_with_ollama_citing_only_contexts_that_exist_and_report_its_usage() {
        String marker = marker();
        LlmServer.ollamaAnswers(marker, "Qdrant is written ", "in Rust [1][9].");
        PrometheusScrape before = LlmServer.scrape();

        AegisClient.Reply reply = LlmServer.query("Which language is Qdrant written in? " + marker);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject answer = reply.json();
        assertThat(answer.getString("answer")).isEqualTo("Qdrant is written in Rust [1].");
        assertThat(answer.getString("model")).isEqualTo("llama3.1:8b");
        JsonObject usage = answer.getJsonObject("usage");
        assertThat(usage.getString("provider")).isEqualTo("ollama");
        assertThat(usage.getInt("prompt_tokens")).isEqualTo(30);
        assertThat(usage.getInt("completion_tokens")).isEqualTo(8);
        assertThat(usage.getJsonNumber("cost_usd").doubleValue()).isZero();
        assertThat(answer.getJsonArray("fallbacks")).isEmpty();
        PrometheusScrape after = LlmServer.scrape();
        assertThat(after.increaseSince(before, "aegis_llm_requests_total", with(OLLAMA, "status", "success"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_llm_tokens_total", with(OLLAMA, "direction", "prompt"))).isEqualTo(30);
        assertThat(after.increaseSince(before, "aegis_llm_tokens_total", with(OLLAMA, "direction", "completion"))).isEqualTo(8);
        assertThat(after.increaseSince(before, "aegis_llm_time_to_first_token_seconds_count", Map.of("provider", "ollama"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_queries_total", Map.of("intent", "vector", "model", "llama3.1:8b"))).isEqualTo(1);
        assertThat(after.value("aegis_service_up", Map.of("service", "ollama"))).as("Ollama lists its model").isEqualTo(1);
        assertThat(after.value("aegis_service_up", Map.of("service", "openai"))).as("the OpenAI-compatible server lists its models").isEqualTo(1);

        AegisClient.Reply again = LlmServer.query("Which language is Qdrant written in? " + marker);
        assertThat(again.json().getJsonObject("usage").getBoolean("cached")).isTrue();
        assertThat(LlmServer.scrape().increaseSince(after, "aegis_cache_hits_total", Map.of("cache_type", "llm"))).isEqualTo(1);
    }

    @Test
    @Order(2)
    void should_stream_metadata_tokens_sources_and_done_to_a_real_sse_client() throws Exception {
        String marker = marker();
        LlmServer.ollamaAnswers(marker, "Lucene ", "is written ", "in Java [1].");

        HttpResponse<InputStream> response = LlmServer.openChat(Json.createObjectBuilder().add("query", "What is Lucene written in? " + marker).build());
        List<LlmServer.Event> events;
        try (BufferedReader lines = LlmServer.lines(response)) {
            events = LlmServer.readEvents(lines, "done");
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(events).extracting(LlmServer.Event::name).containsExactly("metadata", "token", "token", "token", "sources", "done");
        assertThat(events.get(0).json().getString("model")).isEqualTo("llama3.1:8b");
        String streamed = String.join("", events.stream().filter(e -> e.name().equals("token")).map(e -> e.json().getString("text")).toList());
        JsonObject done = events.get(5).json();
        assertThat(streamed).isEqualTo("Lucene is written in Java [1].").isEqualTo(done.getString("answer"));
        assertThat(done.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(8);
        assertThat(done.getJsonObject("latency_ms").getJsonNumber("total").doubleValue()).isPositive();
        assertThat(Json.createReader(new java.io.StringReader(events.get(4).data())).readArray()).isNotEmpty();
    }

    @Test
    @Order(2)
    void should_stream_the_extractive_answer_sentence_by_sentence_on_embedded_defaults() throws Exception {
        AegisClient.ingestMarkdown("Stream test", "# Qdrant\n\nQdrant is a vector database written in Rust. Qdrant stores vectors with payloads in Rust collections.");

        List<LlmServer.Event> events = LlmServer.chat(AegisClient.BASE, "{\"query\":\"What is Qdrant written in Rust for vectors?\"}", "done");

        assertThat(events.get(0).name()).isEqualTo("metadata");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
        JsonObject done = events.get(events.size() - 1).json();
        assertThat(done.getString("model")).isEqualTo("extractive");
        List<String> tokens = events.stream().filter(e -> e.name().equals("token")).map(e -> e.json().getString("text")).toList();
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(String.join("", tokens)).isEqualTo(done.getString("answer"));
    }

    @Test
    @Order(2)
    void should_answer_bad_input_to_chat_with_a_problem_before_any_event() throws Exception {
        HttpResponse<InputStream> malformed = LlmServer.openChat(LlmServer.BASE, "{\"query\":");
        HttpResponse<InputStream> blank = LlmServer.openChat(LlmServer.BASE, "{\"query\":\"\",\"top_k\":\"five\"}");

        for (HttpResponse<InputStream> response : List.of(malformed, blank)) {
            try (InputStream body = response.body()) {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"error_type\":\"validation_error\"");
            }
        }
    }

    @Test
    @Order(3)
    void should_fall_back_to_openai_when_ollama_fails_and_account_for_what_it_cost() {
        String marker = marker();
        LlmServer.ollamaFails(marker, 500, "llama runner process has terminated");
        LlmServer.openAiAnswers(marker, "Rust [1].", 20_000, 5_000);
        PrometheusScrape before = LlmServer.scrape();

        JsonObject answer = LlmServer.query("Which language is Qdrant written in? " + marker).json();

        assertThat(answer.getString("answer")).isEqualTo("Rust [1].");
        assertThat(answer.getString("model")).isEqualTo("gpt-4o-mini");
        JsonObject fallback = answer.getJsonArray("fallbacks").getJsonObject(0);
        assertThat(fallback.getString("from")).isEqualTo("ollama");
        assertThat(fallback.getString("to")).isEqualTo("openai");
        assertThat(fallback.getString("reason")).isEqualTo("unavailable");
        assertThat(fallback.getString("detail")).contains("runner process has terminated").doesNotContain("it-openai-secret");
        double cost = 20_000 * 150 / 1e6 + 5_000 * 600 / 1e6;
        assertThat(answer.getJsonObject("usage").getJsonNumber("cost_usd").doubleValue()).isCloseTo(cost, within(1e-9));
        PrometheusScrape after = LlmServer.scrape();
        assertThat(after.increaseSince(before, "aegis_llm_fallbacks_total", Map.of("from", "ollama", "to", "openai", "reason", "unavailable"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_llm_requests_total", with(OLLAMA, "status", "error"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_llm_requests_total", with(OPENAI, "status", "success"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "llm_error"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_llm_cost_usd_total", Map.of("provider", "openai"))).isCloseTo(cost, within(1e-9));
        assertThat(after.increaseSince(before, "aegis_llm_monthly_spend_usd", Map.of("provider", "openai"))).isCloseTo(cost, within(1e-9));
        assertThat(after.value("aegis_llm_monthly_budget_usd", Map.of("provider", "openai"))).isEqualTo(Double.parseDouble(System.getProperty("it.llm.budget.usd")));
    }

    @Test
    @Order(4)
    void should_stop_the_upstream_generation_when_the_client_goes_away() throws Exception {
        String marker = marker();
        LlmServer.ollamaStreamsSlowly(marker, 20);
        PrometheusScrape before = LlmServer.scrape();

        HttpResponse<InputStream> response = LlmServer.openChat(Json.createObjectBuilder().add("query", "Tell me about Qdrant " + marker).build());
        try (BufferedReader lines = LlmServer.lines(response)) {
            assertThat(LlmServer.readEvents(lines, "token")).extracting(LlmServer.Event::name).containsExactly("metadata", "token");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        double cancelled = 0;
        while (cancelled == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            cancelled = LlmServer.scrape().increaseSince(before, "aegis_llm_requests_total", with(OLLAMA, "status", "cancelled"));
        }
        assertThat(cancelled).as("the generation was stopped well before the 8 s the stream would take").isEqualTo(1);
        assertThat(LlmServer.scrape().increaseSince(before, "aegis_llm_requests_total", with(OLLAMA, "status", "success"))).isZero();
    }

    @Test
    @Order(4)
    void should_end_a_stream_whose_provider_breaks_off_with_an_error_event_and_no_other_providers_words() throws Exception {
        String marker = marker();
        LlmServer.ollamaBreaksOffMidAnswer(marker);
        LlmServer.openAiAnswers(marker, "Never streamed.", 10, 10);

        List<LlmServer.Event> events = LlmServer.chat(LlmServer.BASE, Json.createObjectBuilder().add("query", "What is Qdrant? " + marker).build().toString(), "error");

        assertThat(events).extracting(LlmServer.Event::name).containsExactly("metadata", "token", "error");
        assertThat(events.get(1).json().getString("text")).isEqualTo("Qdrant is ");
        JsonObject problem = events.get(2).json();
        assertThat(problem.getString("error_type")).isEqualTo("llm_error");
        assertThat(problem.getInt("status")).isEqualTo(502);
        assertThat(problem.getString("detail")).contains("runner process has terminated").contains("after part of the answer was sent");
    }

    @Test
    @Order(5)
    void should_use_another_model_the_provider_lists_and_refuse_one_nobody_serves() {
        String marker = marker();
        LlmServer.ollamaAnswers(marker, "Rust [1].");

        AegisClient.Reply named = LlmServer.postJson("/api/v1/query", Json.createObjectBuilder()
                .add("query", "Which language is Qdrant written in? " + marker).add("model", "qwen2.5:7b").build());
        AegisClient.Reply unknown = LlmServer.postJson("/api/v1/query", Json.createObjectBuilder()
                .add("query", "Which language? " + marker).add("model", "gpt-9").build());

        assertThat(named.json().getString("model")).isEqualTo("qwen2.5:7b");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("model");
        assertThat(unknown.body()).contains("qwen2.5:7b").contains("gpt-4o-mini");
    }

    @Test
    @Order(6)
    void should_show_the_costs_to_an_admin_only() {
        AegisClient.Reply reader = LlmServer.read("/api/v1/admin/llm/costs", "it-reader-key");
        AegisClient.Reply admin = LlmServer.read("/api/v1/admin/llm/costs", AegisClient.ADMIN_KEY);

        assertThat(reader.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(200);
        JsonObject openai = admin.json().getJsonArray("providers").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("provider").equals("openai")).findFirst().orElseThrow();
        assertThat(openai.getJsonNumber("spend_usd").doubleValue()).isPositive();
        assertThat(openai.getJsonNumber("budget_usd").doubleValue()).isEqualTo(Double.parseDouble(System.getProperty("it.llm.budget.usd")));
        assertThat(openai.getJsonNumber("remaining_usd").doubleValue()).isCloseTo(
                openai.getJsonNumber("budget_usd").doubleValue() - openai.getJsonNumber("spend_usd").doubleValue(), within(1e-9));
        assertThat(openai.getJsonArray("models").getJsonObject(0).getString("model")).isEqualTo("gpt-4o-mini");
    }

    @Test
    @Order(7)
    void should_skip_openai_once_its_monthly_budget_is_spent() {
        String expensive = marker();
        LlmServer.ollamaFails(expensive, 503, "server busy");
        LlmServer.openAiAnswers(expensive, "Costly [1].", 1_000_000, 1_000_000);
        LlmServer.query("Which language is Qdrant written in? " + expensive);
        String after = marker();
        LlmServer.ollamaFails(after, 500, "down");
        LlmServer.openAiAnswers(after, "Should not be asked [1].", 10, 10);

        JsonObject answer = LlmServer.query("Which language is Qdrant written in? " + after).json();

        assertThat(answer.getJsonObject("usage").getString("provider")).isEqualTo("extractive");
        assertThat(answer.getJsonArray("fallbacks").getJsonObject(1).getString("reason")).isEqualTo("budget_exhausted");
        JsonObject openai = LlmServer.read("/api/v1/admin/llm/costs", AegisClient.ADMIN_KEY).json().getJsonArray("providers")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("provider").equals("openai")).findFirst().orElseThrow();
        assertThat(openai.getBoolean("exhausted")).isTrue();
        PrometheusScrape scrape = LlmServer.scrape();
        assertThat(scrape.value("aegis_llm_monthly_spend_usd", Map.of("provider", "openai")))
                .isGreaterThanOrEqualTo(scrape.value("aegis_llm_monthly_budget_usd", Map.of("provider", "openai")));
    }
}
