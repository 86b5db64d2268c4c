package io.aegisrag.coordinator.rest;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * A stream of Server-Sent Events whose events come from other threads: they are queued (as JSON,
 * snake_case), and the request thread alone writes them (Liberty refuses a blocking write from a
 * second thread once the response is streaming). While no event comes, it writes a heartbeat
 * comment: a client that went away is only noticed when a write to it fails.
 */
final class SseEvents {

    private static final Logger LOG = Logger.getLogger(SseEvents.class.getName());
    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);
    private static final Object LAST = new Object();
    private static final long WRITE_TIMEOUT_MS = 10_000;

    private final SseEventSink sink;
    private final Sse sse;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private volatile boolean gone;

    SseEvents(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /** Queues an event named {@code name} with {@code data} as JSON; safe from any thread. */
    void queue(String name, Object data) {
        events.add(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(JSON.toJson(data)).build());
    }

    /** No event comes after those queued. */
    void end() {
        events.add(LAST);
    }

    /** Whether a write failed: the client went away. */
    boolean gone() {
        return gone;
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
            LOG.fine(() -> "the event stream's client went away: " + e);
            gone = true;
        }
    }
}
