package io.aegisrag.coordinator.query;

import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.ShortTermMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's recent turns for the query path, by the session's key in short-term memory
 * ({@link io.aegisrag.core.memory.MemoryScope#sessionKey}). Short-term memory that does not answer
 * (Redis down) costs the conversation its history, never the answer: reads give no turns and writes
 * are dropped, each logged; the readiness check and {@code aegis_service_up} report the outage.
 */
@ApplicationScoped
public class Conversation {

    /** The turns a follow-up question is resolved against: the previous one. */
    static final int HISTORY = 1;
    private static final Logger LOG = Logger.getLogger(Conversation.class.getName());

    private final ShortTermMemory turns;

    @Inject
    public Conversation(ShortTermMemory turns) {
        this.turns = turns;
    }

    protected Conversation() {
        this(null);
    }

    /** The session's recent turns, oldest first; none when short-term memory fails. */
    public List<Turn> history(String sessionKey) {
        try {
            return turns.recent(sessionKey, HISTORY);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "short-term memory did not answer; the question is answered without its conversation", e);
            return List.of();
        }
    }

    /** Adds the turn to the session, unless short-term memory fails. */
    public void record(String sessionKey, Turn turn) {
        try {
            turns.append(sessionKey, turn);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "short-term memory did not answer; this turn of session " + sessionKey + " is not kept", e);
        }
    }
}
