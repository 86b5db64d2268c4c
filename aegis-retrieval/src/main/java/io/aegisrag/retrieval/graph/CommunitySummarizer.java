package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;

import java.util.List;
import java.util.Optional;

/**
 * Writes the summary of a community of the entity graph from its members and the sentences that
 * relate them, as LightRAG's community reports do: what {@link Communities} shows and matches broad
 * questions against in place of the extractive summary.
 */
@FunctionalInterface
public interface CommunitySummarizer {

    /** Writes no summary: every community keeps its extractive one. */
    CommunitySummarizer EXTRACTIVE = (members, statements) -> Optional.empty();

    /**
     * The summary, or empty when none could be written (no model answered): the community then keeps
     * its extractive summary.
     *
     * @param members    the community's entities, most mentioned first
     * @param statements the sentences that state a relation between two of them, most mentioned members' first
     */
    Optional<String> summarize(List<Entity> members, List<String> statements);
}
