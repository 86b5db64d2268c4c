package io.aegisrag.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.TemporalMemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link TemporalMemory} held in the JVM. */
public final class InMemoryTemporalMemory implements TemporalMemory {

    private final List<Fact> facts = new ArrayList<>();
    private final Map<FactType, Long> counts = new EnumMap<>(FactType.class);
    private final Map<String, Set<String>> factIdsByEpisode = new LinkedHashMap<>();

    @Override
    public synchronized void record(Fact fact, boolean supersedes) {
        if (supersedes) {
            for (int i = 0; i < facts.size(); i++) {
                Fact old = facts.get(i);
                if (old.type() == fact.type() && old.subject().equals(fact.subject()) && old.validTo() == null
                        && !old.content().equals(fact.content()) && old.validFrom().isBefore(fact.validFrom())) {
                    facts.set(i, new Fact(old.id(), old.type(), old.subject(), old.content(), old.validFrom(),
                            fact.validFrom(), old.recordedAt()));
                }
            }
        }
        facts.add(fact);
        counts.merge(fact.type(), 1L, Long::sum);
    }

    @Override
    public synchronized void recordEpisode(String episodeId, List<Fact> episodeFacts) {
        Set<String> ids = factIdsByEpisode.computeIfAbsent(episodeId, id -> new HashSet<>());
        for (Fact fact : episodeFacts) {
            record(fact, false);
            ids.add(fact.id());
        }
    }

    @Override
    public synchronized boolean forgetEpisode(String episodeId) {
        Set<String> ids = factIdsByEpisode.remove(episodeId);
        if (ids == null) {
            return false;
        }
        facts.removeIf(fact -> {
            boolean forgotten = ids.contains(fact.id());
            if (forgotten) {
                counts.merge(fact.type(), -1L, Long::sum);
            }
            return forgotten;
        });
        return true;
    }

    /** Whether memory holds facts of the episode, without copying the set of episodes. */
    synchronized boolean hasEpisode(String episodeId) {
        return factIdsByEpisode.containsKey(episodeId);
    }

    @Override
    public synchronized Set<String> episodes() {
        return Set.copyOf(factIdsByEpisode.keySet());
    }

    @Override
    public synchronized List<Fact> factsAt(Instant asOf, Optional<String> subject, Optional<FactType> type) {
        return facts.stream()
                .filter(fact -> fact.isValidAt(asOf) && !fact.recordedAt().isAfter(asOf))
                .filter(fact -> subject.map(fact.subject()::equalsIgnoreCase).orElse(true))
                .filter(fact -> type.map(fact.type()::equals).orElse(true))
                .sorted(Comparator.comparing(Fact::validFrom))
                .toList();
    }

    @Override
    public synchronized long count(FactType type) {
        return counts.getOrDefault(type, 0L);
    }

    @Override
    public String serviceName() {
        return "embedded_memory";
    }

    /** Takes the lock every read and write takes, and reads the counts. */
    @Override
    public boolean isAvailable() {
        return count(FactType.EPISODIC) >= 0;
    }
}
