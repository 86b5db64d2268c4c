package io.aegisrag.llm;

import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.llm.prompt.CitationFilter;

/** Passes a model's tokens on to the reader with citations to no context removed, and remembers whether any reached it. */
final class CitingSink implements TokenSink {

    private final TokenSink reader;
    private final CitationFilter filter;
    private final int contexts;
    private boolean wroteAny;

    CitingSink(TokenSink reader, int contexts) {
        this.reader = reader;
        this.filter = new CitationFilter(contexts);
        this.contexts = contexts;
    }

    @Override
    public void token(String text) {
        emit(filter.accept(text));
    }

    @Override
    public boolean cancelled() {
        return reader.cancelled();
    }

    @Override
    public boolean streaming() {
        return reader.streaming();
    }

    /** Sends what the filter held back, and returns the whole answer filtered as the reader saw it. */
    String finish(String answer) {
        emit(filter.finish());
        return CitationFilter.filter(answer, contexts);
    }

    boolean wroteAny() {
        return wroteAny;
    }

    private void emit(String text) {
        if (!text.isEmpty()) {
            wroteAny = true;
            reader.token(text);
        }
    }
}
