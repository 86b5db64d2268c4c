package io.aegisrag.coordinator.jobs;

import io.aegisrag.coordinator.ingest.IngestionStage;
import io.aegisrag.coordinator.ingest.IngestionStatus;

import java.time.Duration;
import java.util.Map;

/**
 * What became of one file of a job: ingested (as {@code documentId}), skipped (its content is already
 * stored as {@code documentId}) or failed ({@code error} says why), with the chunks it gave, the time
 * each stage took and what the language model calls it made cost.
 */
public record FileOutcome(int index, IngestionStatus status, String documentId, int chunks, String error,
                          Map<IngestionStage, Duration> stages, long promptTokens, long completionTokens, double costUsd) {

    public FileOutcome {
        stages = Map.copyOf(stages);
    }

    static FileOutcome failed(int index, String error) {
        return new FileOutcome(index, IngestionStatus.FAILED, null, 0, error, Map.of(), 0, 0, 0);
    }

    static FileOutcome skipped(int index, String documentId) {
        return new FileOutcome(index, IngestionStatus.SKIPPED, documentId, 0, null, Map.of(), 0, 0, 0);
    }
}
