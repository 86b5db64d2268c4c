package io.aegisrag.coordinator.ingest;

/** The reply of {@code POST /api/v1/documents}. */
public record IngestionResult(String documentId, int chunks, int entities, int relations) {
}
