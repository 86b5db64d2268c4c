package io.aegisrag.core.document;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A document as the user submitted it, with the time it was ingested. */
public record Document(DocumentId id, String title, String source, String text,
                       Map<String, String> metadata, Instant createdAt) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        source = source == null ? "" : source;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
