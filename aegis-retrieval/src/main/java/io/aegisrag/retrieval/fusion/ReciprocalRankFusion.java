package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted Reciprocal Rank Fusion: {@code score(d) = Σ_r w_r / (k + rank_r(d))} over the retrievers
 * {@code r} that ranked {@code d}, with 1-based ranks. Ties go to the chunk with the better single
 * rank, then to the smaller chunk id, so the order is deterministic. A chunk whose text repeats one
 * ranked above it (reference documentation repeats option descriptions from page to page) is left
 * out: copies would crowd out other answers.
 */
public final class ReciprocalRankFusion {

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

    private static final class Fused {
        final Chunk chunk;
        double score;
        int bestRank = Integer.MAX_VALUE;
        final Map<Retriever, Context.RetrieverRank> ranks = new EnumMap<>(Retriever.class);

        Fused(Chunk chunk) {
            this.chunk = chunk;
        }
    }

    /**
     * @param rankings each retriever's hits, best first
     * @param weights  each retriever's weight; a retriever without one (or with 0) is ignored
     * @param topK     how many contexts to return
     */
    public List<Context> fuse(Map<Retriever, List<ChunkHit>> rankings, Map<Retriever, Double> weights, int topK) {
        Map<String, Fused> byChunk = new HashMap<>();
        rankings.forEach((retriever, hits) -> {
            double weight = weights.getOrDefault(retriever, 0.0);
            if (weight <= 0) {
                return;
            }
            for (int i = 0; i < hits.size(); i++) {
                Chunk chunk = hits.get(i).chunk();
                Fused fused = byChunk.computeIfAbsent(chunk.id(), id -> new Fused(chunk));
                if (!fused.ranks.containsKey(retriever)) {
                    int rank = i + 1;
                    fused.ranks.put(retriever, new Context.RetrieverRank(rank, hits.get(i).score()));
                    fused.score += weight / (k + rank);
                    fused.bestRank = Math.min(fused.bestRank, rank);
                }
            }
        });
        Set<String> textsKept = new HashSet<>();
        return byChunk.values().stream()
                .sorted(Comparator.comparingDouble((Fused f) -> -f.score)
                        .thenComparingInt(f -> f.bestRank)
                        .thenComparing(f -> f.chunk.id()))
                .filter(f -> textsKept.add(f.chunk.text()))
                .limit(topK)
                .map(f -> new Context(f.chunk, f.score, f.ranks))
                .toList();
    }
}
