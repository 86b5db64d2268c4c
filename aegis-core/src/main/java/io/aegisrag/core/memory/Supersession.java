package io.aegisrag.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * What recording a fact changes, by Graphiti's invalidation rule: an older fact it contradicts that
 * the system believed to hold past the new fact's start is expired (at the new fact's
 * {@code recordedAt}) and recorded again ending at that start; a new fact that arrives out of order,
 * valid before one already believed, is recorded ending where that one begins. Facts whose validities
 * do not overlap are left alone.
 *
 * @param expired the believed versions to expire, as they become
 * @param added   the versions to add: the contradicted facts with their end, then the new fact as recorded
 */
public record Supersession(List<Fact> expired, List<Fact> added) {

    public Supersession {
        expired = List.copyOf(expired);
        added = List.copyOf(added);
    }

    /** What recording {@code fact} does to {@code believed}, the versions memory believes now (others are ignored). */
    public static Supersession of(Fact fact, List<Fact> believed) {
        List<Fact> expired = new ArrayList<>();
        List<Fact> added = new ArrayList<>();
        Fact recorded = fact;
        for (Fact old : believed) {
            if (old.expiredAt() != null || !old.isContradictedBy(fact)) {
                continue;
            }
            if (old.validFrom().isBefore(fact.validFrom()) && (old.validTo() == null || old.validTo().isAfter(fact.validFrom()))) {
                expired.add(old.expired(fact.recordedAt()));
                added.add(old.endingAt(fact.validFrom(), old.id() + "~" + fact.id(), fact.recordedAt()));
            } else if (old.validFrom().isAfter(fact.validFrom()) && (recorded.validTo() == null || recorded.validTo().isAfter(old.validFrom()))) {
                recorded = fact.endingAt(old.validFrom(), fact.id(), fact.recordedAt());
            }
        }
        added.add(recorded);
        return new Supersession(expired, added);
    }
}
