package io.aegisrag.observability.metrics;

import java.util.Locale;

/**
 * Values of the {@code stage} label of {@code aegis_query_latency_seconds}. {@code first_token} is the
 * time from a question's arrival to the first token of its answer: what a reader waits for, whatever
 * the answer's length.
 */
public enum Stage {
    INTENT_CLASSIFICATION, RETRIEVAL, GENERATION, TOTAL, VECTOR, BM25, GRAPH, MEMORY, GRAPH_GLOBAL, RERANK, FIRST_TOKEN;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
