package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;

import java.util.List;
import java.util.Map;

/**
 * Fuses the rankings of several retrievers into one list of contexts, best first. A chunk whose
 * text repeats one ranked above it (reference documentation repeats option descriptions from page
 * to page) is left out: copies would crowd out other answers.
 */
public interface Fusion {

    /**
     * @param rankings each retriever's hits, best first
     * @param weights  each retriever's weight; a retriever without one (or with 0) is ignored
     * @param topK     how many contexts to return
     */
    List<Context> fuse(Map<Retriever, List<ChunkHit>> rankings, Map<Retriever, Double> weights, int topK);

    /** The fusion {@code aegis.retrieval.fusion} names: {@code scores} or {@code rrf}. */
    static Fusion named(String name) {
        return switch (name) {
            case "scores" -> new NormalizedScoreFusion();
            case "rrf" -> new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K);
            default -> throw new IllegalStateException(ConfigKeys.RETRIEVAL_FUSION + " must be one of [scores, rrf], got '" + name + "'");
        };
    }
}
