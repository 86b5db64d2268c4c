package io.aegisrag.coordinator.rest;

import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.query.QueryRequest;
import io.aegisrag.coordinator.query.QueryService;
import io.aegisrag.coordinator.security.RateLimited;
import io.aegisrag.core.config.ConfigKeys;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.Duration;

/**
 * {@code POST /api/v1/chat}: the answer of {@code /query} as Server-Sent Events: {@code metadata},
 * {@code token} for each piece as the model writes it, {@code sources}, then {@code done} with the
 * usage and latencies, or {@code error} (a problem+json body) when it fails after the stream started.
 * A request that is invalid gets its 4xx problem+json before any event.
 */
@Path("/api/v1/chat")
@ApplicationScoped
public class ChatResource {

    @Inject
    QueryService queries;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestValidator validator;

    @Inject
    ProblemResponder problems;

    @Inject
    @ConfigProperty(name = ConfigKeys.CHAT_HEARTBEAT_MS, defaultValue = "5000")
    long heartbeatMs;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Answer a question as Server-Sent Events: metadata, token*, sources, done (or error)")
    @RequestBody(content = @Content(schema = @Schema(implementation = QueryRequest.class)))
    public void chat(String body, @Context SseEventSink sink, @Context Sse sse) {
        QueryRequest request = validator.valid(QueryResource.request(JsonFields.parse(body)));
        SseChatStream stream = new SseChatStream(sink, sse);
        MemoryScope memory = caller.get().memory();
        executor.execute(() -> {
            try {
                stream.complete(queries.chat(request, memory, stream));
            } catch (RuntimeException e) {
                stream.fail(problems.toResponse(e).getEntity());
            }
        });
        try {
            stream.writeUntilDone(Duration.ofMillis(heartbeatMs));
        } finally {
            sink.close();
        }
    }
}
