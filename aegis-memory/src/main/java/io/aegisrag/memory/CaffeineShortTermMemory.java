package io.aegisrag.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aegisrag.core.port.ShortTermMemory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** {@link ShortTermMemory} in a Caffeine cache: a session's turns expire after it has been idle for {@code ttl}. */
public final class CaffeineShortTermMemory implements ShortTermMemory {

    private static final String PROBE = "aegis-readiness-probe";

    private final Cache<String, Deque<String>> sessions;
    private final int maxTurns;

    public CaffeineShortTermMemory(Duration ttl, int maxTurns, long maxSessions) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(ttl).maximumSize(maxSessions).build();
        this.maxTurns = maxTurns;
    }

    @Override
    public void append(String sessionId, String turn) {
        Deque<String> turns = sessions.get(sessionId, id -> new ArrayDeque<>());
        synchronized (turns) {
            turns.addLast(turn);
            while (turns.size() > maxTurns) {
                turns.removeFirst();
            }
        }
    }

    @Override
    public List<String> recent(String sessionId, int limit) {
        Deque<String> turns = sessions.getIfPresent(sessionId);
        if (turns == null) {
            return List.of();
        }
        synchronized (turns) {
            List<String> all = List.copyOf(turns);
            return all.subList(Math.max(0, all.size() - limit), all.size());
        }
    }

    @Override
    public String serviceName() {
        return "caffeine";
    }

    /** Stores, reads back and removes a probe session. */
    @Override
    public boolean isAvailable() {
        sessions.put(PROBE, new ArrayDeque<>());
        boolean answered = sessions.getIfPresent(PROBE) != null;
        sessions.invalidate(PROBE);
        return answered;
    }
}
