package io.aegisrag.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aegisrag.core.port.ShortTermMemory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ShortTermMemory} in a Caffeine cache: a session's turns expire after it has been idle for
 * {@code ttl}. Sessions are bounded in number and in bytes: each weighs its turns' characters (and at
 * least its share of the bytes per session), and an append replaces the session's list, so its weight
 * is always current. Evictions run on the calling thread, not on the common pool.
 */
public final class CaffeineShortTermMemory implements ShortTermMemory {

    private static final String PROBE = "aegis-readiness-probe";
    private static final int SESSION_OVERHEAD_BYTES = 64;

    private final Cache<String, List<String>> sessions;
    private final int maxTurns;

    public CaffeineShortTermMemory(Duration ttl, int maxTurns, long maxSessions, long maxBytes) {
        if (maxSessions < 1 || maxBytes < maxSessions) {
            throw new IllegalArgumentException("short-term memory needs at least one session and a byte per session, got "
                    + maxSessions + " sessions and " + maxBytes + " bytes");
        }
        long share = maxBytes / maxSessions;
        this.sessions = Caffeine.newBuilder()
                .executor(Runnable::run)
                .expireAfterAccess(ttl)
                .maximumWeight(maxBytes)
                .weigher((String id, List<String> turns) -> (int) Math.min(Integer.MAX_VALUE, Math.max(share, bytes(id, turns))))
                .build();
        this.maxTurns = maxTurns;
    }

    @Override
    public void append(String sessionId, String turn) {
        sessions.asMap().compute(sessionId, (id, turns) -> {
            List<String> appended = new ArrayList<>(turns == null ? List.of() : turns);
            appended.add(turn);
            return List.copyOf(appended.subList(Math.max(0, appended.size() - maxTurns), appended.size()));
        });
    }

    @Override
    public List<String> recent(String sessionId, int limit) {
        List<String> turns = sessions.getIfPresent(sessionId);
        if (turns == null) {
            return List.of();
        }
        return turns.subList(Math.max(0, turns.size() - limit), turns.size());
    }

    @Override
    public String serviceName() {
        return "caffeine";
    }

    /** Stores, reads back and removes a probe session. */
    @Override
    public boolean isAvailable() {
        sessions.put(PROBE, List.of());
        boolean answered = sessions.getIfPresent(PROBE) != null;
        sessions.invalidate(PROBE);
        return answered;
    }

    /** Evicts what the bounds require now; Caffeine otherwise does it in the background. */
    void cleanUp() {
        sessions.cleanUp();
    }

    long sessionCount() {
        return sessions.estimatedSize();
    }

    private static long bytes(String id, List<String> turns) {
        long bytes = SESSION_OVERHEAD_BYTES + 2L * id.length();
        for (String turn : turns) {
            bytes += 2L * turn.length();
        }
        return bytes;
    }
}
