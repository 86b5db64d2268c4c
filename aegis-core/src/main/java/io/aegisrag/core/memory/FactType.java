package io.aegisrag.core.memory;

import java.util.Locale;

/** The kinds of fact temporal memory keeps, as in Graphiti. */
public enum FactType {
    EPISODIC, SEMANTIC, ENTITY;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in the REST API and as the {@code fact_type} metric label. */
    public String label() {
        return label;
    }
}
