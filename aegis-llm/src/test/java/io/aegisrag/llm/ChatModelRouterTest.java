package io.aegisrag.llm;

import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.core.port.ChatChainContract;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.core.port.RecordingSink;
import io.aegisrag.llm.cost.PriceTable;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.llm.cost.UsageMeter;
import io.aegisrag.llm.extractive.ExtractiveChatModel;
import io.aegisrag.llm.prompt.PromptBuilder;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ChatModelRouterTest {

    @TempDir
    Path dir;

    private final IsolatedMetrics metrics = new IsolatedMetrics();
    private final PromptBuilder prompts = new PromptBuilder(4096, 256);

    /** A provider that writes its pieces, or fails with {@code failure} after writing {@code failAfter} of them. */
    private static final class ScriptedModel implements ChatModel {
        final String provider;
        final List<String> pieces;
        LlmFailure failure;
        int failAfter;
        int calls;

        ScriptedModel(String provider, String... pieces) {
            this.provider = provider;
            this.pieces = List.of(pieces);
        }

        ScriptedModel failing(LlmFailure failure, int afterPieces) {
            this.failure = failure;
            this.failAfter = afterPieces;
            return this;
        }

        @Override
        public Answer generate(Prompt prompt, String model, TokenSink sink) {
            calls++;
            Transcript transcript = new Transcript(sink);
            for (int i = 0; i < pieces.size(); i++) {
                if (failure != null && i == failAfter) {
                    throw new LlmException(failure, provider + " failed on purpose");
                }
                transcript.write(pieces.get(i));
            }
            if (failure != null) {
                throw new LlmException(failure, provider + " failed on purpose");
            }
            return transcript.answer(provider, model != null ? model : model(), prompt, 1_000_000L, 1_000_000L, false);
        }

        @Override
        public List<String> models() {
            return List.of(model(), provider + "-large");
        }

        @Override
        public String provider() {
            return provider;
        }

        @Override
        public String model() {
            return provider + "-small";
        }

        @Override
        public String serviceName() {
            return provider;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    private ChatModelRouter router(int cacheSize, Map<String, Double> budgets, ChatModel... chain) {
        SpendLedger ledger = new SpendLedger(dir.resolve("spend.json"), Clock.systemUTC(), PriceTable.parse("paid:*=1:1"), budgets);
        List<ChatModelRouter.Provider> providers = new ArrayList<>();
        for (ChatModel model : chain) {
            providers.add(new ChatModelRouter.Provider(model, new ProviderCircuit(2, Duration.ofMinutes(1), Clock.systemUTC())));
        }
        return new ChatModelRouter(providers, prompts, ledger, new LlmResponseCache(cacheSize), metrics.metrics());
    }

    /** The port's contract, over chains of scripted providers. */
    @Nested
    class AsAChatChain extends ChatChainContract {

        @Override
        protected ChatChain answering(String reply) {
            return router(0, Map.of(), new ScriptedModel("local", reply), new ExtractiveChatModel());
        }

        @Override
        protected ChatChain fallingThroughToExtractive() {
            return router(0, Map.of(), new ScriptedModel("local", "never").failing(LlmFailure.UNAVAILABLE, 0), new ExtractiveChatModel());
        }

        @Override
        protected ChatChain answeringNobody() {
            return router(0, Map.of(), new ScriptedModel("local", "never").failing(LlmFailure.UNAVAILABLE, 0));
        }
    }

    private Generation ask(ChatModelRouter router, TokenSink sink) {
        return router.generate(router.prompt("Which?", List.of()), router.route(null), sink);
    }

    @Test
    void should_fall_back_to_the_next_provider_and_say_which_answered_and_why() {
        PrometheusScrape before = metrics.scrape();
        ScriptedModel local = new ScriptedModel("local", "never").failing(LlmFailure.UNAVAILABLE, 0);
        ChatModelRouter router = router(0, Map.of(), local, new ExtractiveChatModel());

        Generation generation = ask(router, RecordingSink.reading());

        assertThat(generation.answer().provider()).isEqualTo("extractive");
        assertThat(generation.fallbacks()).singleElement().satisfies(fallback -> {
            assertThat(fallback.from()).isEqualTo("local");
            assertThat(fallback.to()).isEqualTo("extractive");
            assertThat(fallback.reason()).isEqualTo("unavailable");
            assertThat(fallback.detail()).contains("failed on purpose");
        });
        assertThat(metrics.scrape().increaseSince(before, "aegis_llm_fallbacks_total",
                Map.of("from", "local", "to", "extractive", "reason", "unavailable"))).isEqualTo(1);
    }

    @Test
    void should_not_let_a_second_provider_finish_an_answer_the_reader_has_started_to_see() {
        ScriptedModel local = new ScriptedModel("local", "Half ", "an answer").failing(LlmFailure.TIMEOUT, 1);
        ScriptedModel next = new ScriptedModel("next", "Another answer");
        ChatModelRouter router = router(0, Map.of(), local, next);
        RecordingSink reader = RecordingSink.reading();

        assertThatThrownBy(() -> ask(router, reader))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.TIMEOUT));
        assertThat(reader.text()).isEqualTo("Half ");
        assertThat(next.calls).isZero();
    }

    @Test
    void should_skip_a_paid_provider_whose_budget_is_spent_and_price_what_it_answered() {
        ScriptedModel paid = new ScriptedModel("paid", "Paid answer.");
        ChatModelRouter router = router(0, Map.of("paid", 3.0), paid, new ExtractiveChatModel());

        Generation first = ask(router, RecordingSink.reading());
        Generation second = ask(router, RecordingSink.reading());

        assertThat(first.costUsd()).isCloseTo(2.0, within(1e-9));
        assertThat(second.answer().provider()).isEqualTo("paid");
        Generation third = ask(router, RecordingSink.reading());
        assertThat(third.answer().provider()).isEqualTo("extractive");
        assertThat(third.fallbacks()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("budget_exhausted"));
        assertThat(paid.calls).isEqualTo(2);
        PrometheusScrape scrape = metrics.scrape();
        assertThat(scrape.value("aegis_llm_cost_usd_total", Map.of("provider", "paid"))).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void should_add_up_what_the_calls_made_under_a_usage_meter_cost_and_nothing_else() {
        ChatModelRouter router = router(10, Map.of(), new ScriptedModel("paid", "Paid answer."));
        UsageMeter meter = new UsageMeter();

        Generation measured = meter.measure(() -> ask(router, RecordingSink.reading()));
        meter.measure(() -> ask(router, RecordingSink.reading()));
        ask(router, RecordingSink.reading());

        assertThat(measured.costUsd()).isPositive();
        assertThat(meter.costUsd()).as("the second was cached, the third not measured").isCloseTo(measured.costUsd(), within(1e-9));
        assertThat(meter.promptTokens()).isEqualTo(measured.answer().promptTokens());
        assertThat(meter.completionTokens()).isEqualTo(measured.answer().completionTokens());
    }

    @Test
    void should_open_the_circuit_after_repeated_failures_and_stop_calling_the_provider() {
        ScriptedModel flaky = new ScriptedModel("flaky", "x").failing(LlmFailure.UNAVAILABLE, 0);
        ChatModelRouter router = router(0, Map.of(), flaky, new ExtractiveChatModel());

        ask(router, RecordingSink.reading());
        ask(router, RecordingSink.reading());
        Generation third = ask(router, RecordingSink.reading());

        assertThat(flaky.calls).isEqualTo(2);
        assertThat(third.fallbacks()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("circuit_open"));
        assertThat(router.providers().get(0).isAvailable()).isFalse();
    }

    @Test
    void should_remove_citations_to_no_context_from_the_stream_and_the_answer_alike() {
        ScriptedModel model = new ScriptedModel("local", "Rust [", "1] and Go [", "4].");
        ChatModelRouter router = router(0, Map.of(), model);
        RecordingSink reader = RecordingSink.reading();
        Prompt prompt = router.prompt("Which?", List.of(ExtractiveContexts.context("Qdrant is written in Rust.")));

        Generation generation = router.generate(prompt, router.route(null), reader);

        assertThat(generation.answer().text()).isEqualTo("Rust [1] and Go .");
        assertThat(reader.text()).isEqualTo(generation.answer().text());
    }

    @Test
    void should_pass_a_json_reply_as_it_is_since_its_lists_are_no_citations() {
        ScriptedModel model = new ScriptedModel("local", "{\"ranking\": [", "3]}");
        ChatModelRouter router = router(0, Map.of(), model);
        RecordingSink reader = RecordingSink.reading();
        Prompt prompt = new Prompt("Which?", List.of(), "Rank.", "[1] a [2] b [3] c", 10, "{\"type\":\"object\"}");

        Generation generation = router.generate(prompt, router.route(null), reader);

        assertThat(generation.answer().text()).isEqualTo("{\"ranking\": [3]}");
        assertThat(reader.text()).isEqualTo(generation.answer().text());
    }

    @Test
    void should_serve_the_same_prompt_from_the_cache_without_paying_again() {
        ScriptedModel paid = new ScriptedModel("paid", "Cached answer.");
        ChatModelRouter router = router(10, Map.of(), paid);
        ask(router, RecordingSink.reading());
        RecordingSink reader = RecordingSink.reading();

        Generation again = ask(router, reader);

        assertThat(again.cached()).isTrue();
        assertThat(again.costUsd()).isZero();
        assertThat(reader.text()).isEqualTo("Cached answer.");
        assertThat(paid.calls).isEqualTo(1);
    }

    @Test
    void should_route_a_named_model_to_the_provider_that_lists_it_and_refuse_an_unknown_one() {
        ChatModelRouter router = router(0, Map.of(), new ScriptedModel("first", "a"), new ScriptedModel("second", "b"));

        assertThat(router.route("second-large")).isEqualTo(new ChatModelRouter.Route(1, "second-large"));
        assertThat(router.generate(router.prompt("q", List.of()), router.route("second-large"), RecordingSink.reading()).answer().model())
                .isEqualTo("second-large");
        assertThatThrownBy(() -> router.route("gpt-9"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("model"))
                .hasMessageContaining("first-small").hasMessageContaining("second-large");
    }

    @Test
    void should_build_the_chain_from_the_fallback_list_or_the_provider_then_extractive() {
        assertThat(ChatModelRouter.chainOf("ollama", " ")).containsExactly("ollama", "extractive");
        assertThat(ChatModelRouter.chainOf("extractive", "")).containsExactly("extractive");
        assertThat(ChatModelRouter.chainOf("ollama", "ollama, openai ,extractive")).containsExactly("ollama", "openai", "extractive");
        assertThatThrownBy(() -> ChatModelRouter.resolve(List.of(new ExtractiveChatModel()), List.of("gpt-9")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[extractive]").hasMessageContaining("gpt-9");
    }
}
