package io.aegisrag.core.query;

import java.util.Locale;

/** What a query is after, which decides how the retrievers are weighted. */
public enum Intent {
    VECTOR, GRAPH, HYBRID, MEMORY;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in the REST API and as the {@code intent} metric label. */
    public String label() {
        return label;
    }
}
