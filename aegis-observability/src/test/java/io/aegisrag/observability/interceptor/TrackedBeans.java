package io.aegisrag.observability.interceptor;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Beans with interceptor bindings, as another module would write them. */
final class TrackedBeans {

    private TrackedBeans() {
    }

    @ApplicationScoped
    static class Stages {

        @TrackedStage("vector")
        public String search(String query) {
            return "found " + query;
        }

        @TrackedStage("bm25")
        public String failWith(ErrorType type) {
            throw new AegisException(type, "failed on purpose");
        }
    }

    @ApplicationScoped
    @TrackedStage("retrieval")
    static class Outer {

        @Inject
        Stages stages;

        public String searchAndFail() {
            return stages.failWith(ErrorType.DATABASE_ERROR);
        }
    }

    @ApplicationScoped
    static class Cache {

        @TrackedCache("embedding")
        public Optional<String> lookup(String key) {
            return key.startsWith("known") ? Optional.of("value") : Optional.empty();
        }
    }

    @ApplicationScoped
    static class Model implements ChatModel {

        /** A prompt without contexts: an empty question fails, "leave" is cancelled by its reader. */
        static Prompt prompt(String question) {
            return new Prompt(question, List.of(), "system", question, 3);
        }

        @Override
        @TrackedLlmCall
        public Answer generate(Prompt prompt, String model, TokenSink sink) {
            if (prompt.question().isEmpty()) {
                throw new AegisException(ErrorType.LLM_ERROR, "model is down");
            }
            return new Answer("answer", provider(), model(), 12, 3, false, Duration.ofMillis(5), prompt.question().equals("leave"));
        }

        @Override
        public List<String> models() {
            return List.of(model());
        }

        @Override
        public String provider() {
            return "fake";
        }

        @Override
        public String model() {
            return "fake-1";
        }

        @Override
        public String serviceName() {
            return "fake";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }
}
