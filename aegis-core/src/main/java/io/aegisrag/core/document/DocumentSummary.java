package io.aegisrag.core.document;

import java.time.Instant;

/** A stored document without its text, as listed by the catalogue. */
public record DocumentSummary(DocumentId id, String title, String source, int chunks, Instant createdAt) {
}
