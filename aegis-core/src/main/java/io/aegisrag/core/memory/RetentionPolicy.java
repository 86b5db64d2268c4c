package io.aegisrag.core.memory;

import io.aegisrag.core.document.DocumentId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long conversation memory is kept: an episodic fact older than {@code maxAge} goes, and so do a
 * subject's (a session's, in its group) episodic facts beyond its newest {@code maxPerSubject}; an episode goes
 * whole with its episodic fact. Documents' episodes are never removed by retention: they mirror the
 * index, and go when their document is deleted.
 */
public record RetentionPolicy(Duration maxAge, int maxPerSubject) {

    public RetentionPolicy {
        if (maxAge.isNegative() || maxAge.isZero() || maxPerSubject < 1) {
            throw new IllegalArgumentException("retention needs a positive age and at least one fact a subject, got "
                    + maxAge + " and " + maxPerSubject);
        }
    }

    /** A fact memory holds, with the episode it belongs to (null when it was recorded alone). */
    public record Held(Fact fact, String episode) {
    }

    /** What retention removes: whole episodes, and the lineages of facts recorded alone (every version of them). */
    public record Removal(Set<String> episodes, Set<String> facts) {

        public boolean isEmpty() {
            return episodes.isEmpty() && facts.isEmpty();
        }
    }

    /** What this policy removes at {@code now} from {@code held}; only believed episodic facts of conversations count. */
    public Removal select(List<Held> held, Instant now) {
        Instant cutoff = now.minus(maxAge);
        Map<List<String>, List<Held>> bySubject = new HashMap<>();
        List<Held> doomed = new ArrayList<>();
        for (Held candidate : held) {
            Fact fact = candidate.fact();
            if (fact.expiredAt() != null || fact.type() != FactType.EPISODIC
                    || (candidate.episode() != null && DocumentId.isWellFormed(candidate.episode()))) {
                continue;
            }
            if (fact.recordedAt().isBefore(cutoff)) {
                doomed.add(candidate);
            } else {
                bySubject.computeIfAbsent(List.of(fact.group(), fact.subject()), subject -> new ArrayList<>()).add(candidate);
            }
        }
        bySubject.values().forEach(kept -> kept.stream()
                .sorted(Comparator.comparing((Held candidate) -> candidate.fact().recordedAt()).reversed())
                .skip(maxPerSubject)
                .forEach(doomed::add));
        Set<String> episodes = new HashSet<>();
        Set<String> facts = new HashSet<>();
        for (Held candidate : doomed) {
            if (candidate.episode() == null) {
                facts.add(candidate.fact().lineage());
            } else {
                episodes.add(candidate.episode());
            }
        }
        return new Removal(episodes, facts);
    }
}
