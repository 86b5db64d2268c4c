package io.aegisrag.coordinator.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as {@code GET /api/v1/ingestions/{id}} shows it: its state, its documents counted by outcome,
 * the chunks they gave, the time spent in each stage, what language model calls cost, an estimate of
 * the time left while it runs, and each file with what became of it ({@code pending} until then).
 */
public record JobStatus(String jobId, String state, Instant createdAt, Instant startedAt, Instant finishedAt, Documents documents,
                        long chunks, Map<String, Double> stagesMs, Llm llm, Double etaSeconds, List<FileView> files) {

    /** The job's files counted: all, done, and done by outcome. */
    public record Documents(int total, int done, int ingested, int skipped, int failed) {
    }

    /** Tokens and cost of the language model calls the job's documents made (the LLM extractor's). */
    public record Llm(long promptTokens, long completionTokens, double costUsd) {
    }

    /** One file: its name and status, the document it became or is, its chunks, and why it failed. */
    public record FileView(String name, String status, String documentId, Integer chunks, String error) {
    }
}
