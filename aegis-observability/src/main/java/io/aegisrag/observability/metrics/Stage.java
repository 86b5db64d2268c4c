package io.aegisrag.observability.metrics;

import java.util.Locale;

/** Values of the {@code stage} label of {@code aegis_query_latency_seconds}. */
public enum Stage {
    INTENT_CLASSIFICATION, RETRIEVAL, GENERATION, TOTAL, VECTOR, BM25, GRAPH, MEMORY, GRAPH_GLOBAL, RERANK;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
