package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;

import java.util.List;
import java.util.Map;

/**
 * Convex combination of min-max normalised scores: each retriever's scores are mapped onto [0, 1]
 * over the hits it returned (its best hit 1, its last 0; every hit 1 when all scores are equal), then
 * {@code score(d) = Σ_r w_r · norm_r(d)} over the retrievers {@code r} that found {@code d}. Unlike
 * rank fusion it keeps how sure each retriever is: a vector hit far above the rest stays first
 * although BM25 did not find it (Bruch et al., "An Analysis of Fusion Functions for Hybrid
 * Retrieval", 2023; measured in bench/results/quality.md).
 */
public final class NormalizedScoreFusion implements Fusion {

    @Override
    public List<Context> fuse(Map<Retriever, List<ChunkHit>> rankings, Map<Retriever, Double> weights, int topK) {
        FusedCandidates candidates = new FusedCandidates();
        rankings.forEach((retriever, hits) -> {
            double weight = weights.getOrDefault(retriever, 0.0);
            if (weight > 0 && !hits.isEmpty()) {
                double max = hits.stream().mapToDouble(ChunkHit::score).max().orElseThrow();
                double min = hits.stream().mapToDouble(ChunkHit::score).min().orElseThrow();
                for (int i = 0; i < hits.size(); i++) {
                    double normalised = max > min ? (hits.get(i).score() - min) / (max - min) : 1;
                    candidates.add(retriever, i + 1, hits.get(i), weight * normalised);
                }
            }
        });
        return candidates.best(topK);
    }
}
