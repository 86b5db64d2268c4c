package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.query.ChatStream;
import io.aegisrag.coordinator.query.QueryResult;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.Map;

/**
 * One chat's Server-Sent Events. The answer is generated on another thread, which queues its events;
 * the request thread writes them ({@link SseEvents}), and the first failed write cancels the stream,
 * which stops the model.
 */
final class SseChatStream implements ChatStream {

    private final SseEvents events;

    SseChatStream(SseEventSink sink, Sse sse) {
        this.events = new SseEvents(sink, sse);
    }

    @Override
    public void started(String queryId, String intent, String model) {
        events.queue("metadata", Map.of("query_id", queryId, "intent", intent, "model", model));
    }

    @Override
    public void token(String text) {
        events.queue("token", Map.of("text", text));
    }

    @Override
    public boolean cancelled() {
        return events.gone();
    }

    /** The answer is complete: its sources, then {@code done} with the whole reply. */
    void complete(QueryResult result) {
        events.queue("sources", result.sources());
        events.queue("done", result);
        events.end();
    }

    /** The answer failed after the stream started: {@code error} with the problem. */
    void fail(Object problem) {
        events.queue("error", problem);
        events.end();
    }

    /** Writes the queued events on the calling thread until the last one, or until the client is gone. */
    void writeUntilDone(Duration heartbeat) {
        events.writeUntilDone(heartbeat);
    }
}
