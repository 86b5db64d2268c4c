package io.aegisrag.core.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bi-temporal fact: valid in the world from {@code validFrom} until {@code validTo} (open when
 * null), and known to the system from {@code recordedAt}.
 *
 * @param subject the entity or session the fact is about
 */
public record Fact(String id, FactType type, String subject, String content,
                   Instant validFrom, Instant validTo, Instant recordedAt) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Whether the fact held at {@code instant}. */
    public boolean isValidAt(Instant instant) {
        return !validFrom.isAfter(instant) && (validTo == null || validTo.isAfter(instant));
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(validTo);
    }
}
