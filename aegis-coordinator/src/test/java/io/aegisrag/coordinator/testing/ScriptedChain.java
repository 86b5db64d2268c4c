package io.aegisrag.coordinator.testing;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.llm.LlmResponseCache;
import io.aegisrag.llm.ProviderCircuit;
import io.aegisrag.llm.cost.PriceTable;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.llm.prompt.PromptBuilder;
import io.aegisrag.observability.testing.IsolatedMetrics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A real chat chain (router, circuits, ledger, cache) over scripted models: for the unit tests of what asks the chain. */
public final class ScriptedChain {

    private ScriptedChain() {
    }

    /** The chain of {@code models}, in order, with its spend ledger in {@code dir}. */
    public static ChatModelRouter router(Path dir, ChatModel... models) {
        List<ChatModelRouter.Provider> providers = new ArrayList<>();
        for (ChatModel model : models) {
            providers.add(new ChatModelRouter.Provider(model, new ProviderCircuit(5, Duration.ofMinutes(1), Clock.systemUTC())));
        }
        SpendLedger ledger = new SpendLedger(dir.resolve("spend.json"), Clock.systemUTC(), PriceTable.parse(""), Map.of());
        return new ChatModelRouter(providers, new PromptBuilder(4096, 256), ledger, new LlmResponseCache(100), new IsolatedMetrics().metrics());
    }

    /** An Ollama model that gives its replies in turn (or fails each time with {@code failure}), and keeps the prompts it was asked. */
    public static final class ReplyingModel implements ChatModel {
        private final Deque<String> replies;
        private final List<Prompt> asked = new ArrayList<>();
        private final LlmFailure failure;

        public ReplyingModel(LlmFailure failure, String... replies) {
            this.failure = failure;
            this.replies = new ArrayDeque<>(List.of(replies));
        }

        public List<Prompt> asked() {
            return asked;
        }

        @Override
        public Answer generate(Prompt prompt, String model, TokenSink sink) {
            asked.add(prompt);
            if (failure != null) {
                throw new LlmException(failure, "failed on purpose");
            }
            return new Answer(replies.removeFirst(), "ollama", "llama3.1:8b", 100, 20, false, Duration.ofMillis(5), false);
        }

        @Override
        public List<String> models() {
            return List.of(model());
        }

        @Override
        public String provider() {
            return "ollama";
        }

        @Override
        public String model() {
            return "llama3.1:8b";
        }

        @Override
        public String serviceName() {
            return "ollama";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }
}
