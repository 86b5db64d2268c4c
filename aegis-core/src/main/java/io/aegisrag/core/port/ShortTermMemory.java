package io.aegisrag.core.port;

import java.util.List;

/** The recent turns of a conversation, kept for a limited time per session. */
public interface ShortTermMemory extends BackingService {

    void append(String sessionId, String turn);

    /** Up to {@code limit} most recent turns of the session, oldest first. */
    List<String> recent(String sessionId, int limit);
}
