package io.aegisrag.llm;

import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.llm.prompt.CitationFilter;

/** Passes a model's tokens on to the reader with citations to no context removed, and remembers whether any reached it. */
final class CitingSink implements TokenSink {

    private final TokenSink reader;
    private final CitationFilter filter;
    private final int contexts;
    private final boolean citing;
    private boolean wroteAny;

    private CitingSink(TokenSink reader, int contexts, boolean citing) {
        this.reader = reader;
        this.filter = new CitationFilter(contexts);
        this.contexts = contexts;
        this.citing = citing;
    }

    /** The sink of an answer to {@code prompt}: an answer in free text has its citations filtered, a reply in JSON (a schema asked for) is passed as it is. */
    static CitingSink of(TokenSink reader, Prompt prompt) {
        return new CitingSink(reader, prompt.contexts().size(), prompt.outputSchema() == null);
    }

    @Override
    public void token(String text) {
        emit(citing ? filter.accept(text) : text);
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
        if (!citing) {
            return answer;
        }
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
