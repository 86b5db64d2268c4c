package io.aegisrag.core.document;

import java.util.Objects;
import java.util.UUID;

/** Identifier of an ingested document: a lower-case UUID string. */
public record DocumentId(String value) {

    public DocumentId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("document id must be a UUID, got '" + value + "'");
        }
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID().toString());
    }

    /** Whether {@code candidate} is a canonical, lower-case UUID. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(candidate).toString().equals(candidate);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
