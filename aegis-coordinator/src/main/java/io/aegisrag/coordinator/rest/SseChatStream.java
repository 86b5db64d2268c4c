package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.query.ChatStream;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One chat's Server-Sent Events. A client that goes away is only noticed when a write to it fails,
 * so heartbeats (SSE comments) are written while the model thinks; the first failed write cancels the
 * stream, which stops the model.
 */
final class SseChatStream implements ChatStream {

    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final AtomicBoolean gone = new AtomicBoolean();

    SseChatStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void started(String queryId, String intent, String model) {
        send("metadata", Map.of("query_id", queryId, "intent", intent, "model", model));
    }

    @Override
    public void token(String text) {
        send("token", Map.of("text", text));
    }

    @Override
    public boolean cancelled() {
        return gone.get() || sink.isClosed();
    }

    /** Writes a comment, so that a client that went away is noticed even while no token comes. */
    void heartbeat() {
        write(sse.newEventBuilder().comment("heartbeat").build());
    }

    /** Writes an event whose data is {@code data} as JSON. */
    void send(String name, Object data) {
        write(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(JSON.toJson(data)).build());
    }

    private synchronized void write(OutboundSseEvent event) {
        if (cancelled()) {
            return;
        }
        try {
            sink.send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    gone.set(true);
                }
            });
        } catch (RuntimeException e) {
            gone.set(true);
        }
    }
}
