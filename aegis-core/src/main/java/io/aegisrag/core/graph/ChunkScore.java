package io.aegisrag.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** A chunk's score in graph retrieval: the sum of the weights of the entities it mentions. */
public record ChunkScore(String chunkId, double score) {

    /** Best first; ties by chunk id. */
    public static final Comparator<ChunkScore> BEST_FIRST = Comparator.comparingDouble(ChunkScore::score).reversed()
            .thenComparing(ChunkScore::chunkId);

    /** The {@code limit} best of {@code scores}, best first: a bounded heap, not a sort of them all. */
    public static List<ChunkScore> best(Map<String, Double> scores, int limit) {
        PriorityQueue<ChunkScore> kept = new PriorityQueue<>(Math.max(1, limit), BEST_FIRST.reversed());
        scores.forEach((chunkId, score) -> {
            ChunkScore candidate = new ChunkScore(chunkId, score);
            if (kept.size() < limit) {
                kept.add(candidate);
            } else if (limit > 0 && BEST_FIRST.compare(candidate, kept.peek()) < 0) {
                kept.poll();
                kept.add(candidate);
            }
        });
        List<ChunkScore> best = new ArrayList<>(kept.size());
        while (!kept.isEmpty()) {
            best.add(kept.poll());
        }
        Collections.reverse(best);
        return best;
    }
}
