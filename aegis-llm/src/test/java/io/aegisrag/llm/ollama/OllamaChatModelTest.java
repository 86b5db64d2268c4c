package io.aegisrag.llm.ollama;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.core.port.ChatModelContract;
import io.aegisrag.core.port.RecordingSink;
import io.aegisrag.llm.ProviderStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ollama adapter against WireMock replaying Ollama's documented /api/chat and /api/tags. */
class OllamaChatModelTest extends ChatModelContract {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String QUESTION = "Which language is Qdrant written in?";

    /** Ollama's NDJSON: one object a line, the last with done and the counts (omitted when zero). */
    static String ndjson(String counts, String... pieces) {
        StringBuilder body = new StringBuilder();
        for (String piece : pieces) {
            body.append("{\"model\":\"llama3.1:8b\",\"created_at\":\"2026-11-24T10:00:00.000000001Z\",\"message\":{\"role\":\"assistant\",\"content\":\"")
                    .append(piece).append("\"},\"done\":false}\n");
        }
        return body.append("{\"model\":\"llama3.1:8b\",\"created_at\":\"2026-11-24T10:00:01Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},")
                .append("\"done\":true,\"done_reason\":\"stop\",\"total_duration\":12000000").append(counts).append("}\n").toString();
    }

    private static OllamaChatModel model(String url) {
        return new OllamaChatModel(new OllamaSettings(URI.create(url), "llama3.1:8b", 4096, 256, 0.1, ProviderStubs.TIMEOUTS, ProviderStubs.RETRIES));
    }

    @Override
    protected ChatModel createModel() {
        return model(ollama.baseUrl());
    }

    @BeforeEach
    void replayOllama() {
        ollama.stubFor(post("/api/chat").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson")
                        .withBody(ndjson(",\"prompt_eval_count\":42,\"eval_count\":7", "Qdrant is written", " in Rust [2]."))));
        ollama.stubFor(post("/api/chat").withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"model\":\"llama3.1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"Qdrant is written in Rust [2].\"},"
                                + "\"done\":true,\"prompt_eval_count\":42,\"eval_count\":7}")));
        ollama.stubFor(post("/api/chat").atPriority(1).withRequestBody(containing("There are no contexts"))
                .willReturn(aResponse().withBody(ndjson(",\"prompt_eval_count\":9,\"eval_count\":5", "I do not know", " from the indexed documents."))));
        ollama.stubFor(get("/api/tags").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"models\":[{\"name\":\"llama3.1:8b\",\"model\":\"llama3.1:8b\",\"size\":1},{\"name\":\"qwen2.5:7b\",\"model\":\"qwen2.5:7b\",\"size\":1}]}")));
    }

    private static Answer ask(OllamaChatModel model, TokenSink sink) {
        return model.generate(prompt(QUESTION, List.of(context("Lucene is written in Java."), context("Qdrant is written in Rust."))), null, sink);
    }

    @Test
    void should_ask_for_a_reply_that_follows_the_prompts_json_schema() {
        Prompt free = prompt(QUESTION, List.of(context("Qdrant is written in Rust.")));
        String schema = "{\"type\":\"object\",\"properties\":{\"facts\":{\"type\":\"array\"}},\"required\":[\"facts\"]}";

        model(ollama.baseUrl()).generate(new Prompt(free.question(), free.contexts(), free.system(), free.user(), free.estimatedTokens(), schema),
                null, TokenSink.NONE);

        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.format.type", equalTo("object")))
                .withRequestBody(matchingJsonPath("$.format.required[0]", equalTo("facts"))));
    }

    @Test
    void should_send_the_prompt_and_the_window_and_report_ollamas_own_token_counts() {
        Answer answer = ask(model(ollama.baseUrl()), RecordingSink.reading());

        assertThat(answer.text()).isEqualTo("Qdrant is written in Rust [2].");
        assertThat(answer.promptTokens()).isEqualTo(42);
        assertThat(answer.completionTokens()).isEqualTo(7);
        assertThat(answer.tokensEstimated()).isFalse();
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.1:8b")))
                .withRequestBody(matchingJsonPath("$.options.num_ctx", equalTo("4096")))
                .withRequestBody(matchingJsonPath("$.options.num_predict", equalTo("256")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("[2] Qdrant is written in Rust.")))
                .withRequestBody(notMatching(".*\"format\".*")));
    }

    @Test
    void should_read_a_stream_cut_at_awkward_byte_boundaries_whole() {
        String text = "Die Größe – naïve 数据库 ✓ [1]";
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse()
                .withBody(ndjson(",\"prompt_eval_count\":3,\"eval_count\":4", "Die Gr", "öße – naïve 数据", "库 ✓ [1]"))
                .withChunkedDribbleDelay(41, 200)));
        RecordingSink sink = RecordingSink.reading();

        Answer answer = ask(model(ollama.baseUrl()), sink);

        assertThat(answer.text()).isEqualTo(text);
        assertThat(sink.text()).isEqualTo(text);
    }

    @Test
    void should_estimate_the_tokens_when_ollama_omits_its_counts() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withBody(ndjson("", "Rust [2]."))));

        Answer answer = ask(model(ollama.baseUrl()), RecordingSink.reading());

        assertThat(answer.tokensEstimated()).isTrue();
        assertThat(answer.completionTokens()).isEqualTo(3);
        assertThat(answer.promptTokens()).isPositive();
    }

    @Test
    void should_fail_as_unavailable_on_a_500_and_on_an_error_inside_the_stream() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"runner crashed\"}")));
        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE))
                .hasMessageContaining("runner crashed");

        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withBody(
                "{\"message\":{\"role\":\"assistant\",\"content\":\"Qdrant\"},\"done\":false}\n{\"error\":\"out of memory\"}\n")));
        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE))
                .hasMessageContaining("out of memory");
    }

    @Test
    void should_fail_as_model_not_found_when_the_model_is_not_pulled() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"model \\\"llama3.1:8b\\\" not found, try pulling it first\"}")));

        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.MODEL_NOT_FOUND))
                .hasMessageContaining("try pulling it first");
    }

    @Test
    void should_retry_a_503_after_the_delay_ollama_asks_for_and_give_up_on_one_too_long() {
        ollama.stubFor(post("/api/chat").atPriority(1).inScenario("queue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0.2").withBody("{\"error\":\"server busy, please try again\"}"))
                .willSetStateTo("free"));
        ollama.stubFor(post("/api/chat").atPriority(1).inScenario("queue").whenScenarioStateIs("free")
                .willReturn(aResponse().withBody(ndjson(",\"prompt_eval_count\":1,\"eval_count\":1", "Rust [2]."))));

        assertThat(ask(model(ollama.baseUrl()), RecordingSink.reading()).text()).isEqualTo("Rust [2].");
        ollama.verify(2, postRequestedFor(urlEqualTo("/api/chat")));

        ollama.resetRequests();
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("{\"error\":\"rate limit\"}")));
        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.RATE_LIMITED));
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void should_time_out_when_the_reply_does_not_start_or_the_stream_stalls() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withFixedDelay(4000).withBody(ndjson("", "late"))));
        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.TIMEOUT));

        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse()
                .withBody(ndjson("", "one", "two", "three")).withChunkedDribbleDelay(5, 6000)));
        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.TIMEOUT))
                .hasMessageContaining("stalled");
    }

    @Test
    void should_fail_as_unavailable_when_the_connection_is_refused() throws Exception {
        OllamaChatModel down = model("http://127.0.0.1:" + ProviderStubs.closedPort());

        assertThatThrownBy(() -> ask(down, RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE));
        assertThatThrownBy(down::isAvailable).isInstanceOf(LlmException.class);
    }

    @Test
    void should_fail_as_a_bad_response_on_malformed_json() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withBody("{\"message\":{\"content\":\"Rus\n")));

        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.BAD_RESPONSE));
    }

    @Test
    void should_fail_when_the_stream_ends_without_its_final_object() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse().withBody(
                "{\"message\":{\"role\":\"assistant\",\"content\":\"Rust\"},\"done\":false}\n")));

        assertThatThrownBy(() -> ask(model(ollama.baseUrl()), RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE));
    }

    @Test
    void should_close_the_stream_when_the_reader_goes_away_instead_of_reading_it_to_the_end() {
        ollama.stubFor(post("/api/chat").atPriority(1).willReturn(aResponse()
                .withBody(ndjson("", "a", "b", "c", "d", "e", "f", "g", "h")).withChunkedDribbleDelay(9, 1800)));
        RecordingSink leaves = RecordingSink.leavingAfter(1);

        Answer answer = ask(model(ollama.baseUrl()), leaves);

        assertThat(answer.cancelled()).isTrue();
        assertThat(leaves.pieces()).containsExactly("a");
        assertThat(answer.tokensEstimated()).isTrue();
    }

    @Test
    void should_list_the_pulled_models_and_be_up_only_when_the_configured_one_is_pulled() {
        assertThat(model(ollama.baseUrl()).models()).containsExactly("llama3.1:8b", "qwen2.5:7b");
        assertThat(model(ollama.baseUrl()).isAvailable()).isTrue();

        ollama.stubFor(get("/api/tags").willReturn(aResponse().withBody("{\"models\":[{\"name\":\"qwen2.5:7b\"}]}")));
        assertThat(model(ollama.baseUrl()).isAvailable()).isFalse();
    }
}
