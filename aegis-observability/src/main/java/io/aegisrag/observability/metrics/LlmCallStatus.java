package io.aegisrag.observability.metrics;

import java.util.Locale;

/** The {@code status} label of {@code aegis_llm_requests_total}. */
public enum LlmCallStatus {
    SUCCESS,
    ERROR,
    /** The reader went away and the generation was stopped before its end. */
    CANCELLED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
