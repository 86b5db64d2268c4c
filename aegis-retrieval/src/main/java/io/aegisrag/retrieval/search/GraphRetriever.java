package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.graph.ChunkScore;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Double> weights = new HashMap<>();
        for (String entityId : graph.entities(EntityNames.candidateIds(query)).keySet()) {
            weights.merge(entityId, 1.0, Double::sum);
            for (Entity neighbor : graph.neighbors(entityId, NEIGHBORS_PER_ENTITY)) {
                weights.merge(neighbor.id(), 0.5, Double::sum);
            }
        }
        if (weights.isEmpty()) {
            return List.of();
        }
        List<ChunkScore> best = graph.topChunks(weights, limit);
        Map<String, Chunk> chunks = new HashMap<>();
        store.chunks(best.stream().map(ChunkScore::chunkId).toList()).forEach(chunk -> chunks.put(chunk.id(), chunk));
        return best.stream()
                .filter(score -> chunks.containsKey(score.chunkId()))
                .map(score -> new ChunkHit(chunks.get(score.chunkId()), score.score()))
                .toList();
    }
}
