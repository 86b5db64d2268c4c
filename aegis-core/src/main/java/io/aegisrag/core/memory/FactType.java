package io.aegisrag.core.memory;

import java.util.Locale;

/** The kinds of fact temporal memory keeps, as in Graphiti. */
public enum FactType {
    /** An episode itself: a document ingested, or what a conversation said. */
    EPISODIC,
    /** A relation between two entities that an episode states: Graphiti's {@code RELATES_TO} edge. */
    SEMANTIC,
    /** An episode's mention of an entity, its content the entity's name: Graphiti's {@code MENTIONS} edge. */
    ENTITY;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in the REST API and as the {@code fact_type} metric label. */
    public String label() {
        return label;
    }
}
