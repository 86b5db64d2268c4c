package io.aegisrag.observability.metrics;

import java.util.Locale;

/** Values of the {@code stage} label of {@code aegis_query_latency_seconds}. */
public enum Stage {
    INTENT_CLASSIFICATION, RETRIEVAL, GENERATION, TOTAL, VECTOR, BM25, GRAPH, MEMORY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
