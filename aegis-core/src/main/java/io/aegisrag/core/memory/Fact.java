package io.aegisrag.core.memory;

import java.time.Instant;
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
 */
public record Fact(String id, FactType type, String subject, String content,
                   Instant validFrom, Instant validTo, Instant recordedAt, Instant expiredAt) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A version the system still believes. */
    public Fact(String id, FactType type, String subject, String content, Instant validFrom, Instant validTo, Instant recordedAt) {
        this(id, type, subject, content, validFrom, validTo, recordedAt, null);
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

    /** This version, expired at {@code at}. */
    public Fact expired(Instant at) {
        return new Fact(id, type, subject, content, validFrom, validTo, recordedAt, at);
    }

    /** A new version of this fact, learned at {@code learnedAt}, that ends at {@code end}. */
    public Fact endingAt(Instant end, String versionId, Instant learnedAt) {
        return new Fact(versionId, type, subject, content, validFrom, end, learnedAt, null);
    }
}
