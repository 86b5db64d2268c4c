package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;

import java.util.List;
import java.util.Map;

/**
 * Weighted Reciprocal Rank Fusion: {@code score(d) = Σ_r w_r / (k + rank_r(d))} over the retrievers
 * {@code r} that ranked {@code d}, with 1-based ranks. It ignores how far apart the retrievers' scores
 * are, so a retriever's sure first hit counts little more than its tenth.
 */
public final class ReciprocalRankFusion implements Fusion {

    /** The constant of Cormack et al. (2009): large enough that the top few ranks do not dominate. */
    public static final int DEFAULT_K = 60;

    private final int k;

    /** @param k the rank constant; larger values flatten the difference between ranks */
    public ReciprocalRankFusion(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("RRF k must be positive, got " + k);
        }
        this.k = k;
    }

    @Override
    public List<Context> fuse(Map<Retriever, List<ChunkHit>> rankings, Map<Retriever, Double> weights, int topK) {
        FusedCandidates candidates = new FusedCandidates();
        rankings.forEach((retriever, hits) -> {
            double weight = weights.getOrDefault(retriever, 0.0);
            if (weight > 0) {
                for (int i = 0; i < hits.size(); i++) {
                    candidates.add(retriever, i + 1, hits.get(i), weight / (k + i + 1));
                }
            }
        });
        return candidates.best(topK);
    }
}
