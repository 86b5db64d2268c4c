package io.aegisrag.llm;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.llm.prompt.PromptBuilder;

import java.time.Duration;

/**
 * The text of one generation as it is written: hands each piece to the reader, notes when the first
 * one came, and turns into the {@link Answer}, with the provider's token counts or, when it gave
 * none, estimates marked as such.
 */
public final class Transcript {

    private final TokenSink sink;
    private final long start = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private Duration timeToFirstToken;

    public Transcript(TokenSink sink) {
        this.sink = sink;
    }

    /** Appends a piece of the answer and hands it to the reader. */
    public void write(String piece) {
        if (piece.isEmpty()) {
            return;
        }
        if (timeToFirstToken == null) {
            timeToFirstToken = Duration.ofNanos(System.nanoTime() - start);
        }
        text.append(piece);
        sink.token(piece);
    }

    /** Whether the reader went away. */
    public boolean cancelled() {
        return sink.cancelled();
    }

    public String text() {
        return text.toString();
    }

    /**
     * @param promptTokens     the provider's count, {@code null} when it gave none
     * @param completionTokens the provider's count, {@code null} when it gave none
     */
    public Answer answer(String provider, String model, Prompt prompt, Long promptTokens, Long completionTokens, boolean cancelled) {
        boolean estimated = promptTokens == null || completionTokens == null;
        long read = promptTokens != null ? promptTokens : prompt.estimatedTokens();
        long written = completionTokens != null ? completionTokens : PromptBuilder.estimateTokens(text.toString());
        Duration first = timeToFirstToken != null ? timeToFirstToken : Duration.ofNanos(System.nanoTime() - start);
        return new Answer(text.toString(), provider, model, read, written, estimated, first, cancelled);
    }
}
