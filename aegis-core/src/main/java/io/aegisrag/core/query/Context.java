package io.aegisrag.core.query;

import io.aegisrag.core.document.Chunk;

import java.util.Map;
import java.util.Set;

/**
 * A chunk chosen for the answer after fusion.
 *
 * @param score the fused score (normalised scores or reciprocal ranks, as {@code aegis.retrieval.fusion} says)
 * @param ranks the rank and score that each retriever that found this chunk gave it
 */
public record Context(Chunk chunk, double score, Map<Retriever, RetrieverRank> ranks) {

    /** A chunk's 1-based rank in one retriever's ranking, and that retriever's own score for it. */
    public record RetrieverRank(int rank, double score) {
    }

    public Context {
        ranks = Map.copyOf(ranks);
    }

    /** The retrievers that ranked this chunk. */
    public Set<Retriever> retrievers() {
        return ranks.keySet();
    }
}
