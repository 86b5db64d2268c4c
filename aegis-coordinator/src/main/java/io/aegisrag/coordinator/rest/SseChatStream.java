package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.query.ChatStream;
import io.aegisrag.coordinator.query.QueryResult;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * One chat's Server-Sent Events. The answer is generated on another thread, which queues its events;
 * the request thread alone writes them (Liberty refuses a blocking write from a second thread once the
 * response is streaming). While no event comes, it writes a heartbeat comment: a client that went
 * away is only noticed when a write to it fails, and the first failed write cancels the stream, which
 * stops the model.
 */
final class SseChatStream implements ChatStream {

    private static final Logger LOG = Logger.getLogger(SseChatStream.class.getName());
    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);
    private static final Object LAST = new Object();
    private static final long WRITE_TIMEOUT_MS = 10_000;

    private final SseEventSink sink;
    private final Sse sse;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private volatile boolean gone;

    SseChatStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void started(String queryId, String intent, String model) {
        queue("metadata", Map.of("query_id", queryId, "intent", intent, "model", model));
    }

    @Override
    public void token(String text) {
        queue("token", Map.of("text", text));
    }

    @Override
    public boolean cancelled() {
        return gone;
    }

    /** The answer is complete: its sources, then {@code done} with the whole reply. */
    void complete(QueryResult result) {
        queue("sources", result.sources());
        queue("done", result);
        events.add(LAST);
    }

    /** The answer failed after the stream started: {@code error} with the problem. */
    void fail(Object problem) {
        queue("error", problem);
        events.add(LAST);
    }

    /** Writes the queued events on the calling thread until the last one, or until the client is gone. */
    void writeUntilDone(Duration heartbeat) {
        try {
            while (!gone) {
                Object next = events.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == LAST) {
                    return;
                }
                write(next == null ? sse.newEventBuilder().comment("heartbeat").build() : (OutboundSseEvent) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gone = true;
        }
    }

    private void queue(String name, Object data) {
        events.add(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(JSON.toJson(data)).build());
    }

    private void write(OutboundSseEvent event) {
        try {
            if (sink.isClosed()) {
                gone = true;
                return;
            }
            sink.send(event).toCompletableFuture().get(WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gone = true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.fine(() -> "the chat client went away: " + e);
            gone = true;
        }
    }
}
