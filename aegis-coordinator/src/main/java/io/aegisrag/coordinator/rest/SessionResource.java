package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.security.Caller;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.ShortTermMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code GET / DELETE /api/v1/memory/sessions/{id}}: a conversation's recent turns, and forgetting them.
 * A session id names a conversation of the caller's group; an admin names another group's with {@code group}.
 */
@Path("/api/v1/memory/sessions/{id}")
@ApplicationScoped
public class SessionResource {

    /** A session's turns, oldest first. */
    public record Session(String sessionId, List<Turn> turns) {
    }

    private static final int ALL_KEPT = Integer.MAX_VALUE;
    private static final int MAX_GROUP_CHARS = 300;

    @Inject
    ShortTermMemory turns;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The recent turns of a conversation (question, answer, sources), oldest first; an admin may name another group")
    public Session session(@PathParam("id") String id, @QueryParam("group") String group) {
        List<Turn> kept = turns.recent(key(id, group), ALL_KEPT);
        if (kept.isEmpty()) {
            throw new NotFoundException("session", id);
        }
        return new Session(id, kept);
    }

    @DELETE
    @Requires(Role.WRITER)
    @Operation(summary = "Forget a conversation's turns; an admin may name another group")
    public void forget(@PathParam("id") String id, @QueryParam("group") String group) {
        if (!turns.forget(key(id, group))) {
            throw new NotFoundException("session", id);
        }
    }

    /** The short-term memory key of session {@code id} of the caller's group, or of {@code group} when an admin names one. */
    private String key(String id, String group) {
        Caller asking = caller.get();
        if (group == null || group.equals(asking.memory().group())) {
            return asking.memory().sessionKey(id);
        }
        if (!asking.role().includes(Role.ADMIN)) {
            throw new AegisException(ErrorType.PERMISSION_ERROR, "only an admin names another group's session; leave group out");
        }
        if (group.isBlank() || group.length() > MAX_GROUP_CHARS) {
            throw new InvalidInputException("group", "must name a memory group, 1 to " + MAX_GROUP_CHARS + " characters");
        }
        return MemoryScope.everything(group).sessionKey(id);
    }
}
