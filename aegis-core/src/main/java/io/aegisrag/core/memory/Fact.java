package io.aegisrag.core.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bi-temporal fact, in Graphiti's model: true in the world from {@code validFrom} ({@code valid_at})
 * until {@code validTo} ({@code invalid_at}, open when null), and known to the system from
 * {@code recordedAt} ({@code created_at}) until {@code expiredAt} (open when null: the version the
 * system believes now). Nothing is overwritten: when the system learns that a fact ended, the version
 * it believed is expired and a new version with the end is recorded beside it.
 *
 * @param subject the entity or session the fact is about
 * @param edge    for a {@link FactType#SEMANTIC} fact (and only for one), the relation it states from
 *                the subject to another entity: Graphiti's {@code RELATES_TO} edge
 * @param group   the memory group it was recorded in ({@link MemoryScope}): facts of different groups
 *                never contradict or restate each other
 */
public record Fact(String id, FactType type, String subject, String content,
                   Instant validFrom, Instant validTo, Instant recordedAt, Instant expiredAt, Edge edge, String group) {

    /** A named relation from a fact's subject to {@code object}, an entity id. */
    public record Edge(String relation, String object) {

        public Edge {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(object, "object");
        }
    }

    /** The order of {@link io.aegisrag.core.port.TemporalMemory#factsAt}: by when a fact became true, then by id. */
    public static final Comparator<Fact> BY_VALID_FROM = Comparator.comparing(Fact::validFrom).thenComparing(Fact::id);

    /** The order of {@link io.aegisrag.core.port.TemporalMemory#history}: by when a version was recorded, then when it became true, then by id. */
    public static final Comparator<Fact> BY_RECORDED_AT = Comparator.comparing(Fact::recordedAt).thenComparing(BY_VALID_FROM);

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(group, "group");
        if ((type == FactType.SEMANTIC) != (edge != null)) {
            throw new IllegalArgumentException("a semantic fact, and only one, relates its subject to an object: " + id);
        }
    }

    /** A fact that is no relation (episodic or entity), believed now, in the default group. */
    public Fact(String id, FactType type, String subject, String content, Instant validFrom, Instant validTo, Instant recordedAt) {
        this(id, type, subject, content, validFrom, validTo, recordedAt, null, null, MemoryScope.DEFAULT_GROUP);
    }

    /** A semantic fact, {@code subject —relation→ object}, believed now, in the default group. */
    public static Fact relation(String id, String subject, Edge edge, String content, Instant validFrom, Instant recordedAt) {
        return new Fact(id, FactType.SEMANTIC, subject, content, validFrom, null, recordedAt, null, edge, MemoryScope.DEFAULT_GROUP);
    }

    /** This fact, recorded in {@code of}. */
    public Fact inGroup(String of) {
        return new Fact(id, type, subject, content, validFrom, validTo, recordedAt, expiredAt, edge, of);
    }

    /** Whether the fact held at {@code instant}. */
    public boolean isValidAt(Instant instant) {
        return !validFrom.isAfter(instant) && (validTo == null || validTo.isAfter(instant));
    }

    /** Whether the system believed this version at {@code instant}: recorded by then, not yet expired. */
    public boolean isKnownAt(Instant instant) {
        return !recordedAt.isAfter(instant) && (expiredAt == null || expiredAt.isAfter(instant));
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(validTo);
    }

    /**
     * Whether {@code newer} contradicts this fact: both relate the same subject (ignoring case) by the
     * same relation to different objects, in the same group.
     */
    public boolean isContradictedBy(Fact newer) {
        return edge != null && newer.edge != null && group.equals(newer.group) && subject.equalsIgnoreCase(newer.subject)
                && edge.relation().equals(newer.edge.relation()) && !edge.object().equalsIgnoreCase(newer.edge.object());
    }

    /**
     * Whether {@code newer} states what this fact states: both relate the same subject by the same
     * relation to the same object (ignoring case), over validities that overlap, in the same group.
     */
    public boolean isRestatedBy(Fact newer) {
        return edge != null && newer.edge != null && group.equals(newer.group) && subject.equalsIgnoreCase(newer.subject)
                && edge.relation().equals(newer.edge.relation()) && edge.object().equalsIgnoreCase(newer.edge.object())
                && (validTo == null || validTo.isAfter(newer.validFrom)) && (newer.validTo == null || newer.validTo.isAfter(validFrom));
    }

    /** This fact true from {@code start} instead, as the version {@code versionId} recorded at {@code learnedAt}. */
    public Fact startingAt(Instant start, String versionId, Instant learnedAt) {
        return new Fact(versionId, type, subject, content, start, validTo, learnedAt, null, edge, group);
    }

    /** The id of the fact this is a version of: versions recorded later are named {@code <id>~<id of the fact that ended it>}. */
    public String lineage() {
        int version = id.indexOf('~');
        return version < 0 ? id : id.substring(0, version);
    }

    /** What {@code byLineage} holds for each of {@code facts}' lineages, keyed by the fact's own id; facts without an entry are left out. */
    public static <T> Map<String, T> byVersion(List<Fact> facts, Map<String, T> byLineage) {
        Map<String, T> found = new HashMap<>();
        for (Fact fact : facts) {
            T value = byLineage.get(fact.lineage());
            if (value != null) {
                found.put(fact.id(), value);
            }
        }
        return found;
    }

    /** This version, expired at {@code at}. */
    public Fact expired(Instant at) {
        return new Fact(id, type, subject, content, validFrom, validTo, recordedAt, at, edge, group);
    }

    /** This fact ending at {@code end}, as recorded; a new version when {@code versionId} differs from the id. */
    public Fact endingAt(Instant end, String versionId, Instant learnedAt) {
        return new Fact(versionId, type, subject, content, validFrom, end, learnedAt, null, edge, group);
    }
}
