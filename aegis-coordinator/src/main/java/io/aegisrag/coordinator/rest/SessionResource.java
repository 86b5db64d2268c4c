package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.ShortTermMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET / DELETE /api/v1/memory/sessions/{id}}: a conversation's recent turns, and forgetting them. */
@Path("/api/v1/memory/sessions/{id}")
@ApplicationScoped
public class SessionResource {

    /** A session's turns, oldest first. */
    public record Session(String sessionId, List<Turn> turns) {
    }

    private static final int ALL_KEPT = Integer.MAX_VALUE;

    @Inject
    ShortTermMemory turns;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The recent turns of a conversation (question, answer, sources), oldest first")
    public Session session(@PathParam("id") String id) {
        List<Turn> kept = turns.recent(id, ALL_KEPT);
        if (kept.isEmpty()) {
            throw new NotFoundException("session", id);
        }
        return new Session(id, kept);
    }

    @DELETE
    @Requires(Role.WRITER)
    @Operation(summary = "Forget a conversation's turns")
    public void forget(@PathParam("id") String id) {
        if (!turns.forget(id)) {
            throw new NotFoundException("session", id);
        }
    }
}
