package io.aegisrag.coordinator.ingest;

import jakarta.json.bind.annotation.JsonbTransient;

import java.time.Duration;
import java.util.Map;

/**
 * The reply of {@code POST /api/v1/documents}, and how long each stage of the ingestion took
 * ({@code stages}, not part of the reply).
 */
public record IngestionResult(String documentId, int chunks, int entities, int relations,
                              @JsonbTransient Map<IngestionStage, Duration> stages) {

    public IngestionResult {
        stages = Map.copyOf(stages);
    }
}
