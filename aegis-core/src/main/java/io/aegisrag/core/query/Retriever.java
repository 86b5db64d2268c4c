package io.aegisrag.core.query;

import java.util.Locale;

/** The retrievers whose rankings are fused. */
public enum Retriever {
    VECTOR, BM25, GRAPH, MEMORY;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in responses and as the {@code stage} metric label. */
    public String label() {
        return label;
    }
}
