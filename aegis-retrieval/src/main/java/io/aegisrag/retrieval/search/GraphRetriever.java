package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Graph retrieval: finds the entities the query names (any run of one to three of its words that is
 * an entity id), and ranks the chunks that mention them by how many of them each mentions. Entities
 * one hop away count half.
 */
@ApplicationScoped
public class GraphRetriever implements ChunkRetriever {

    private static final int NEIGHBORS_PER_ENTITY = 5;

    private final GraphStore graph;
    private final VectorStore store;

    @Inject
    public GraphRetriever(GraphStore graph, VectorStore store) {
        this.graph = graph;
        this.store = store;
    }

    protected GraphRetriever() {
        this(null, null);
    }

    @Override
    public Retriever kind() {
        return Retriever.GRAPH;
    }

    @Override
    @TrackedStage("graph")
    public List<ChunkHit> retrieve(String query, int limit) {
        Set<String> named = EntityNames.candidateIds(query);
        Map<String, Set<String>> mentions = new HashMap<>(graph.chunksMentioningEach(named));
        Map<String, Double> weights = new HashMap<>();
        for (String entityId : named) {
            if (mentions.containsKey(entityId)) {
                weights.merge(entityId, 1.0, Double::sum);
                for (Entity neighbor : graph.neighbors(entityId, NEIGHBORS_PER_ENTITY)) {
                    weights.merge(neighbor.id(), 0.5, Double::sum);
                }
            }
        }
        Set<String> neighbours = new HashSet<>(weights.keySet());
        neighbours.removeAll(mentions.keySet());
        mentions.putAll(graph.chunksMentioningEach(neighbours));
        Map<String, double[]> scores = new HashMap<>();
        weights.forEach((entityId, weight) -> {
            for (String chunkId : mentions.getOrDefault(entityId, Set.of())) {
                scores.computeIfAbsent(chunkId, id -> new double[1])[0] += weight;
            }
        });
        List<String> best = best(scores, limit);
        Map<String, Chunk> chunks = new HashMap<>();
        store.chunks(best).forEach(chunk -> chunks.put(chunk.id(), chunk));
        return best.stream()
                .filter(chunks::containsKey)
                .map(id -> new ChunkHit(chunks.get(id), scores.get(id)[0]))
                .toList();
    }

    /** The ids of the {@code limit} best-scored chunks, best first, ties by id; a bounded heap, not a sort of them all. */
    private static List<String> best(Map<String, double[]> scores, int limit) {
        Comparator<Map.Entry<String, double[]>> better = Comparator
                .comparingDouble((Map.Entry<String, double[]> entry) -> entry.getValue()[0]).reversed()
                .thenComparing(Map.Entry::getKey);
        PriorityQueue<Map.Entry<String, double[]>> kept = new PriorityQueue<>(Math.max(1, limit), better.reversed());
        for (Map.Entry<String, double[]> entry : scores.entrySet()) {
            if (kept.size() < limit) {
                kept.add(entry);
            } else if (limit > 0 && entry.getValue()[0] >= kept.peek().getValue()[0] && better.compare(entry, kept.peek()) < 0) {
                kept.poll();
                kept.add(entry);
            }
        }
        List<String> best = new ArrayList<>(kept.size());
        while (!kept.isEmpty()) {
            best.add(kept.poll().getKey());
        }
        Collections.reverse(best);
        return best;
    }
}
