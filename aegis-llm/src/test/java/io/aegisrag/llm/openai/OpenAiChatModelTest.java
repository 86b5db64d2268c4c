package io.aegisrag.llm.openai;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI-compatible adapter against WireMock replaying /v1/chat/completions (SSE and JSON) and /v1/models. */
class OpenAiChatModelTest extends ChatModelContract {

    @RegisterExtension
    static WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "sk-test-secret-0123";
    private static final String USAGE = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":6,\"total_tokens\":46}}\n\n";

    /** OpenAI's SSE: a role chunk, content chunks, a finish chunk with an empty delta, [DONE]; {@code usage} before [DONE] when given. */
    static String sse(String usage, String... pieces) {
        StringBuilder body = new StringBuilder("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n");
        for (String piece : pieces) {
            body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(piece).append("\"},\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
        return body.append(usage).append("data: [DONE]\n\n").toString();
    }

    static OpenAiChatModel model(String baseUrl) {
        return new OpenAiChatModel(new OpenAiSettings(URI.create(baseUrl + "/v1"), "gpt-4o-mini", KEY, 256, 0.1, ProviderStubs.TIMEOUTS, ProviderStubs.RETRIES));
    }

    @Override
    protected ChatModel createModel() {
        return model(openai.baseUrl());
    }

    @BeforeEach
    void replayOpenAi() {
        openai.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse(USAGE, "Qdrant is written", " in Rust [2]."))));
        openai.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c","object":"chat.completion","created":0,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Qdrant is written in Rust [2]."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":40,"completion_tokens":6,"total_tokens":46}}""")));
        openai.stubFor(post("/v1/chat/completions").atPriority(1).withRequestBody(containing("There are no contexts"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withBody(sse(USAGE, "I do not know", " from the indexed documents."))));
        openai.stubFor(post("/v1/chat/completions").atPriority(1).withRequestBody(containing("There are no contexts"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(aResponse().withBody("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"I do not know.\"}}],\"usage\":null}")));
        openai.stubFor(get("/v1/models").willReturn(aResponse().withBody(
                "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"},{\"id\":\"gpt-4o\",\"object\":\"model\"}]}")));
    }

    private static Answer ask(TokenSink sink) {
        return model(openai.baseUrl()).generate(prompt("Which language is Qdrant written in?",
                List.of(context("Lucene is written in Java."), context("Qdrant is written in Rust."))), null, sink);
    }

    @Test
    void should_ask_for_a_reply_that_follows_the_prompts_json_schema() {
        Prompt free = prompt("Which language is Qdrant written in?", List.of(context("Qdrant is written in Rust.")));
        String schema = "{\"type\":\"object\",\"properties\":{\"facts\":{\"type\":\"array\"}},\"required\":[\"facts\"]}";

        model(openai.baseUrl()).generate(new Prompt(free.question(), free.contexts(), free.system(), free.user(), free.estimatedTokens(), schema),
                null, TokenSink.NONE);

        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.required[0]", equalTo("facts"))));
    }

    @Test
    void should_stream_with_include_usage_and_take_the_counts_from_the_last_chunk() {
        Answer answer = ask(RecordingSink.reading());

        assertThat(answer.text()).isEqualTo("Qdrant is written in Rust [2].");
        assertThat(answer.promptTokens()).isEqualTo(40);
        assertThat(answer.completionTokens()).isEqualTo(6);
        assertThat(answer.tokensEstimated()).isFalse();
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("256"))));
    }

    @Test
    void should_estimate_the_tokens_when_the_usage_chunk_is_missing() {
        openai.stubFor(post("/v1/chat/completions").atPriority(1).willReturn(aResponse()
                .withBody(sse("", "Rust", " [2].")).withChunkedDribbleDelay(13, 150)));

        Answer answer = ask(RecordingSink.reading());

        assertThat(answer.text()).isEqualTo("Rust [2].");
        assertThat(answer.tokensEstimated()).isTrue();
        assertThat(answer.completionTokens()).isEqualTo(3);
    }

    @Test
    void should_not_retry_a_429_that_says_the_quota_is_spent_and_keep_the_key_out_of_the_message() {
        openai.stubFor(post("/v1/chat/completions").atPriority(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}")));

        assertThatThrownBy(() -> ask(RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.QUOTA_EXCEEDED))
                .hasMessageContaining("exceeded your current quota")
                .hasMessageNotContaining(KEY);
        openai.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void should_retry_a_rate_limit_as_often_as_allowed_then_report_it() {
        openai.stubFor(post("/v1/chat/completions").atPriority(1).willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "30")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));

        assertThatThrownBy(() -> ask(RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.RATE_LIMITED));
        openai.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void should_fail_on_an_error_event_inside_the_stream_and_on_a_rejected_key() {
        openai.stubFor(post("/v1/chat/completions").atPriority(1).willReturn(aResponse().withBody(
                "data: {\"error\":{\"message\":\"upstream overloaded\",\"type\":\"api_error\"}}\n\n")));
        assertThatThrownBy(() -> ask(RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.UNAVAILABLE))
                .hasMessageContaining("upstream overloaded");

        openai.stubFor(post("/v1/chat/completions").atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));
        assertThatThrownBy(() -> ask(RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.REJECTED))
                .hasMessageNotContaining(KEY);
    }

    @Test
    void should_fail_as_a_bad_response_on_a_chunk_that_is_not_json() {
        openai.stubFor(post("/v1/chat/completions").atPriority(1).willReturn(aResponse().withBody("data: {\"choices\":[{\"delta\":\n\n")));

        assertThatThrownBy(() -> ask(RecordingSink.reading()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.BAD_RESPONSE));
    }

    @Test
    void should_list_the_servers_models_with_the_configured_one_first() {
        assertThat(model(openai.baseUrl()).models()).containsExactly("gpt-4o-mini", "gpt-4o");
        assertThat(model(openai.baseUrl()).isAvailable()).isTrue();
    }
}
