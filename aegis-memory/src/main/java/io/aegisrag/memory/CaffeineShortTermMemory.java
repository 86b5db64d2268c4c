package io.aegisrag.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.ShortTermMemory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ShortTermMemory} in a Caffeine cache: a session's turns expire {@code ttl} after its last
 * turn. Sessions are bounded in number and in bytes: each weighs its turns' characters (and at
 * least its share of the bytes per session), and an append replaces the session's list, so its weight
 * is always current. Evictions run on the calling thread, not on the common pool. The turns live in
 * this JVM only: a restart forgets every conversation.
 */
public final class CaffeineShortTermMemory implements ShortTermMemory {

    private static final String PROBE = "aegis-readiness-probe";
    private static final int SESSION_OVERHEAD_BYTES = 64;
    private static final int TURN_OVERHEAD_BYTES = 64;

    private final Cache<String, List<Turn>> sessions;
    private final int maxTurns;

    public CaffeineShortTermMemory(Duration ttl, int maxTurns, long maxSessions, long maxBytes) {
        if (maxSessions < 1 || maxBytes < maxSessions) {
            throw new IllegalArgumentException("short-term memory needs at least one session and a byte per session, got "
                    + maxSessions + " sessions and " + maxBytes + " bytes");
        }
        long share = maxBytes / maxSessions;
        this.sessions = Caffeine.newBuilder()
                .executor(Runnable::run)
                .expireAfterWrite(ttl)
                .maximumWeight(maxBytes)
                .weigher((String id, List<Turn> turns) -> (int) Math.min(Integer.MAX_VALUE, Math.max(share, bytes(id, turns))))
                .build();
        this.maxTurns = maxTurns;
    }

    @Override
    public void append(String sessionId, Turn turn) {
        sessions.asMap().compute(sessionId, (id, turns) -> {
            List<Turn> appended = new ArrayList<>(turns == null ? List.of() : turns);
            appended.add(turn);
            return List.copyOf(appended.subList(Math.max(0, appended.size() - maxTurns), appended.size()));
        });
    }

    @Override
    public List<Turn> recent(String sessionId, int limit) {
        List<Turn> turns = sessions.getIfPresent(sessionId);
        if (turns == null) {
            return List.of();
        }
        return turns.subList(Math.max(0, turns.size() - limit), turns.size());
    }

    @Override
    public boolean forget(String sessionId) {
        return sessions.asMap().remove(sessionId) != null;
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

    private static long bytes(String id, List<Turn> turns) {
        long bytes = SESSION_OVERHEAD_BYTES + 2L * id.length();
        for (Turn turn : turns) {
            bytes += TURN_OVERHEAD_BYTES + 2L * (turn.question().length() + turn.answer().length());
            for (Turn.Source source : turn.sources()) {
                bytes += 2L * (source.id().length() + source.title().length());
            }
        }
        return bytes;
    }
}
