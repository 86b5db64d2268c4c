package io.aegisrag.core.query;

import io.aegisrag.core.document.Chunk;

import java.util.Map;
import java.util.Set;

/**
 * A chunk chosen for the answer after fusion and reranking.
 *
 * @param score  the fused score (normalised scores or reciprocal ranks, as {@code aegis.retrieval.fusion} says)
 * @param ranks  the rank and score that each retriever that found this chunk gave it
 * @param rerank the chunk's rank and score after reranking, null when it was not reranked
 */
public record Context(Chunk chunk, double score, Map<Retriever, RetrieverRank> ranks, RetrieverRank rerank) {

    /** A chunk's 1-based rank in one retriever's ranking, and that retriever's own score for it. */
    public record RetrieverRank(int rank, double score) {
    }

    public Context {
        ranks = Map.copyOf(ranks);
    }

    /** A context as fusion chose it, not reranked. */
    public Context(Chunk chunk, double score, Map<Retriever, RetrieverRank> ranks) {
        this(chunk, score, ranks, null);
    }

    /** This context as the reranker placed it. */
    public Context reranked(int rank, double rerankScore) {
        return new Context(chunk, score, ranks, new RetrieverRank(rank, rerankScore));
    }

    /** The retrievers that ranked this chunk. */
    public Set<Retriever> retrievers() {
        return ranks.keySet();
    }
}
