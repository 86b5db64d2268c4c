package io.aegisrag.coordinator.query;

import io.aegisrag.core.llm.TokenSink;

/** The reader of a streamed answer: told what is being answered, then given the answer piece by piece. */
public interface ChatStream extends TokenSink {

    /** The question was classified and its contexts retrieved; {@code model} is the first the chain will ask. */
    void started(String queryId, String intent, String model);

    /** A stream that hands the answer to {@code sink} and ignores the start. */
    static ChatStream of(TokenSink sink) {
        return new ChatStream() {
            @Override
            public void started(String queryId, String intent, String model) {
            }

            @Override
            public void token(String text) {
                sink.token(text);
            }

            @Override
            public boolean cancelled() {
                return sink.cancelled();
            }

            @Override
            public boolean streaming() {
                return sink.streaming();
            }
        };
    }
}
