package io.aegisrag.bench;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.observability.interceptor.TrackedCache;
import io.aegisrag.observability.interceptor.TrackedLlmCall;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The beans one query goes through, twice: with the interceptor bindings the modules use, and the
 * same code without them. Their bodies do next to nothing, so the difference is the instrumentation.
 */
public final class PipelineBeans {

    static final Answer ANSWER = new Answer("a [1]", "fixed", "fixed", 0, 0, false, Duration.ZERO, false);
    static final Prompt PROMPT = new Prompt("q", List.of(), "system", "q", 1);
    static final Optional<float[]> CACHED = Optional.of(new float[384]);

    private PipelineBeans() {
    }

    @ApplicationScoped
    public static class InstrumentedRetrievers {
        @TrackedStage("vector")
        public int vector(int k) {
            return k + 1;
        }

        @TrackedStage("bm25")
        public int bm25(int k) {
            return k + 2;
        }

        @TrackedStage("graph")
        public int graph(int k) {
            return k + 3;
        }
    }

    @ApplicationScoped
    public static class PlainRetrievers {
        public int vector(int k) {
            return k + 1;
        }

        public int bm25(int k) {
            return k + 2;
        }

        public int graph(int k) {
            return k + 3;
        }
    }

    @ApplicationScoped
    public static class InstrumentedCache {
        @TrackedCache("embedding")
        public Optional<float[]> lookup(String text) {
            return CACHED;
        }
    }

    @ApplicationScoped
    public static class PlainCache {
        public Optional<float[]> lookup(String text) {
            return CACHED;
        }
    }

    @ApplicationScoped
    @TrackedLlmCall
    public static class InstrumentedModel extends FixedAnswerModel {
    }

    @ApplicationScoped
    public static class PlainModel extends FixedAnswerModel {
    }

    abstract static class FixedAnswerModel implements ChatModel {
        @Override
        public Answer generate(Prompt prompt, String model, TokenSink sink) {
            return ANSWER;
        }

        @Override
        public List<String> models() {
            return List.of(model());
        }

        @Override
        public String provider() {
            return "fixed";
        }

        @Override
        public String model() {
            return "fixed";
        }

        @Override
        public String serviceName() {
            return "fixed";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }
}
