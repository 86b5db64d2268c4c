package io.aegisrag.core.port;

import io.aegisrag.core.memory.Turn;

import java.util.List;

/**
 * The recent turns of each conversation, kept for a limited time after the session's last turn and
 * bounded per session; an adapter whose service is down fails fast instead of queueing.
 */
public interface ShortTermMemory extends BackingService {

    /** Adds a turn at the end of the session (creating it), dropping its oldest turns past the bound. */
    void append(String sessionId, Turn turn);

    /** Up to {@code limit} most recent turns of the session, oldest first; empty for an unknown or expired session. */
    List<Turn> recent(String sessionId, int limit);

    /** Forgets the session; false when there was none. */
    boolean forget(String sessionId);
}
