package io.aegisrag.coordinator.jobs;

import java.util.Locale;

/** Where a bulk ingestion job is: the {@code state} of its status and of {@code aegis_ingestion_jobs}. */
public enum JobState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }

    /** Whether the job has ended and will not change again. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
