package io.aegisrag.coordinator.protocol;

import io.aegisrag.coordinator.query.ChatStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A streamed answer written to the response as the model writes it, on the thread that generates it:
 * each piece of the answer becomes one line (an NDJSON object, or an SSE {@code data:} event) that
 * {@code format} makes, flushed at once. The first write that fails marks the client gone, which
 * stops the model.
 */
public final class LineStream implements ChatStream {

    private final OutputStream out;
    private final String opening;
    private final Function<String, String> format;
    private volatile boolean gone;

    /**
     * @param opening written when the answer starts (OpenAI's chunk with the assistant's role), or null
     * @param format  the line of one piece of the answer, its line break included
     */
    public LineStream(OutputStream out, String opening, Function<String, String> format) {
        this.out = out;
        this.opening = opening;
        this.format = format;
    }

    @Override
    public void started(String queryId, String intent, String model) {
        if (opening != null) {
            write(opening);
        }
    }

    @Override
    public void token(String text) {
        write(format.apply(text));
    }

    @Override
    public boolean cancelled() {
        return gone;
    }

    /** Writes {@code line} and flushes it, unless the client is gone. */
    public void write(String line) {
        if (gone) {
            return;
        }
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            gone = true;
        }
    }
}
