package io.aegisrag.core.llm;

/** Receives an answer's text as a chat model writes it, and tells the model when its reader went away. */
public interface TokenSink {

    /** A sink for callers that only want the whole answer. */
    TokenSink NONE = new TokenSink() {
        @Override
        public void token(String text) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public boolean streaming() {
            return false;
        }
    };

    /** The next piece of the answer, in order. */
    void token(String text);

    /** True once nobody reads the answer any more: the model stops generating, so no more tokens are paid for. */
    boolean cancelled();

    /** Whether the reader wants the answer piece by piece (a model may then stream it from its provider). */
    default boolean streaming() {
        return true;
    }
}
