package io.aegisrag.core.query;

import java.util.Locale;

/**
 * The retrievers whose rankings are fused: {@code graph} is LightRAG's local graph mode (the entities a
 * question names and their neighbourhood), {@code graph_global} its global mode (communities).
 */
public enum Retriever {
    VECTOR, BM25, GRAPH, MEMORY, GRAPH_GLOBAL;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in responses and as the {@code stage} metric label. */
    public String label() {
        return label;
    }
}
