package io.aegisrag.retrieval.graph;

import java.util.List;
import java.util.Optional;

/**
 * Writes the summary of an entity of memory from what the facts true now say of it, as Graphiti's
 * entity nodes carry one: what {@code GET /api/v1/memory/entities/{id}} shows in place of the
 * extractive summary (those statements joined).
 */
@FunctionalInterface
public interface EntitySummarizer {

    /** Writes no summary: every entity keeps its extractive one. */
    EntitySummarizer EXTRACTIVE = (name, statements) -> Optional.empty();

    /**
     * The summary, or empty when none could be written (no model answered): the entity then keeps its
     * extractive summary.
     *
     * @param name       the entity's name
     * @param statements the sentences of the facts true now that name it, oldest first
     */
    Optional<String> summarize(String name, List<String> statements);
}
