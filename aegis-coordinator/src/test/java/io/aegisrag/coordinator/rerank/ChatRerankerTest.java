package io.aegisrag.coordinator.rerank;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.aegisrag.coordinator.testing.ScriptedChain.ReplyingModel;
import io.aegisrag.coordinator.testing.ScriptedChain;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.port.RerankerContract;
import io.aegisrag.core.query.Context;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.llm.LlmResponseCache;
import io.aegisrag.llm.ProviderCircuit;
import io.aegisrag.llm.cost.PriceTable;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.llm.extractive.ExtractiveChatModel;
import io.aegisrag.llm.http.ProviderHttp;
import io.aegisrag.llm.ollama.OllamaChatModel;
import io.aegisrag.llm.ollama.OllamaSettings;
import io.aegisrag.llm.prompt.PromptBuilder;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.retrieval.rerank.ChatReranker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Listwise reranking through a real chat chain whose Ollama is WireMock replaying /api/chat. */
class ChatRerankerTest extends RerankerContract {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final DocumentId DOC = DocumentId.random();
    private static final String QUESTION = "How can I remember the results of an expensive function?";
    private static final List<Context> CANDIDATES = List.of(
            context(0, "partial", "Return a new partial object which when called will behave like func."),
            context(1, "reduce", "Apply function of two arguments cumulatively to the items of iterable."),
            context(2, "lru_cache", "Decorator to wrap a function with a memoizing callable that saves up to the maxsize most recent calls."));

    @TempDir
    Path dir;

    private static Context context(int position, String section, String text) {
        return new Context(new Chunk(Chunk.idOf(DOC, position), DOC, "functools", "functools.html", section, text, position), 1.0 / (position + 1),
                Map.of());
    }

    private SpendLedger ledger;

    private ChatModelRouter chain() {
        OllamaChatModel model = new OllamaChatModel(new OllamaSettings(URI.create(ollama.baseUrl()), "llama3.1:8b", 8192, 256, 0.0,
                new ProviderHttp.Timeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1)),
                new ProviderHttp.RetryPolicy(0, Duration.ofMillis(50), Duration.ofMillis(100))));
        ledger = new SpendLedger(dir.resolve("spend.json"), Clock.systemUTC(), PriceTable.parse("ollama:*=100:200"), Map.of());
        return new ChatModelRouter(List.of(new ChatModelRouter.Provider(model, new ProviderCircuit(5, Duration.ofMinutes(1), Clock.systemUTC()))),
                new PromptBuilder(8192, 256), ledger, new LlmResponseCache(100), new IsolatedMetrics().metrics());
    }

    private static void replyWith(String content) {
        String escaped = content.replace("\"", "\\\"");
        ollama.stubFor(post("/api/chat").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(okJson("{\"model\":\"llama3.1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped + "\"},\"done\":false}\n"
                        + "{\"model\":\"llama3.1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                        + "\"prompt_eval_count\":412,\"eval_count\":9}\n").withHeader("Content-Type", "application/x-ndjson")));
        ollama.stubFor(post("/api/chat").withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(okJson("{\"model\":\"llama3.1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped + "\"},\"done\":true,"
                        + "\"prompt_eval_count\":412,\"eval_count\":9}")));
    }

    /** For the contract: a model that lists the answering passage first. */
    @Override
    protected Reranker createReranker() {
        replyWith("{\"ranking\": [" + (ANSWER + 1) + "]}");
        return new ChatReranker(chain());
    }

    @Test
    void should_put_the_passages_the_model_lists_first_in_its_order_and_the_rest_after_in_the_fused_order() {
        replyWith("{\"ranking\": [3, 1, 3, 9]}");

        double[] scores = new ChatReranker(chain()).scores(QUESTION, CANDIDATES);

        assertThat(scores[2]).isGreaterThan(scores[0]);
        assertThat(scores[0]).isGreaterThan(scores[1]);
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(containing("[3] functools > lru_cache"))
                .withRequestBody(containing(QUESTION))
                .withRequestBody(matchingJsonPath("$.format.required[0]", equalTo("ranking"))));
    }

    @Test
    void should_account_the_tokens_and_cost_of_a_ranking_and_ask_only_once_for_the_same_candidates() {
        replyWith("{\"ranking\": [3]}");
        ChatReranker reranker = new ChatReranker(chain());

        reranker.scores(QUESTION, CANDIDATES);
        reranker.scores(QUESTION, CANDIDATES);

        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
        SpendLedger.ProviderSpend spend = ledger.report(List.of("ollama")).get(0);
        assertThat(spend.models()).singleElement().satisfies(model -> {
            assertThat(model.promptTokens()).isEqualTo(412);
            assertThat(model.completionTokens()).isEqualTo(9);
            assertThat(model.requests()).isEqualTo(1);
        });
        assertThat(spend.spendUsd()).isCloseTo(412 * 100e-6 + 9 * 200e-6, within(1e-9));
    }

    @Test
    void should_fail_when_the_reply_is_no_ranking_or_no_language_model_answered() {
        assertThatThrownBy(() -> new ChatReranker(ScriptedChain.router(dir, new ReplyingModel(null, "Passage 3 is best."))).scores(QUESTION, CANDIDATES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> new ChatReranker(ScriptedChain.router(dir, new ReplyingModel(null, "{\"ranking\": [0, 7]}"))).scores(QUESTION, CANDIDATES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lists no passage");
        assertThatThrownBy(() -> new ChatReranker(ScriptedChain.router(dir, new ExtractiveChatModel())).scores(QUESTION, CANDIDATES))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("extractive model cannot rank");
    }
}
