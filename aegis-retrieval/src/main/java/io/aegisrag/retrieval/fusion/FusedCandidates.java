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
 * The chunks the retrievers found, each with its fused score and its rank in each retriever. Ties go
 * to the chunk with the better single rank, then to the smaller chunk id, so the order is
 * deterministic; a chunk whose text repeats a better one is left out.
 */
final class FusedCandidates {

    private static final class Fused {
        final Chunk chunk;
        double score;
        int bestRank = Integer.MAX_VALUE;
        final Map<Retriever, Context.RetrieverRank> ranks = new EnumMap<>(Retriever.class);

        Fused(Chunk chunk) {
            this.chunk = chunk;
        }
    }

    private final Map<String, Fused> byChunk = new HashMap<>();

    /** Adds {@code contribution} to the chunk of {@code hit}, found by {@code retriever} at 1-based {@code rank}, once per retriever. */
    void add(Retriever retriever, int rank, ChunkHit hit, double contribution) {
        Fused fused = byChunk.computeIfAbsent(hit.chunk().id(), id -> new Fused(hit.chunk()));
        if (!fused.ranks.containsKey(retriever)) {
            fused.ranks.put(retriever, new Context.RetrieverRank(rank, hit.score()));
            fused.score += contribution;
            fused.bestRank = Math.min(fused.bestRank, rank);
        }
    }

    List<Context> best(int topK) {
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
