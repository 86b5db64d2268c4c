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

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Graph retrieval: finds the entities the query names (any run of one to three of its words that is
 * an entity id), and ranks the chunks that mention them by how many of them each mentions. Entities
 * one hop away count half.
 */
@ApplicationScoped
public class GraphRetriever implements ChunkRetriever {

    private static final int MAX_NGRAM = 3;
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
        Map<String, Double> scores = new HashMap<>();
        for (String entityId : candidateIds(query)) {
            Set<String> chunks = graph.chunksMentioning(Set.of(entityId));
            if (chunks.isEmpty()) {
                continue;
            }
            chunks.forEach(chunkId -> scores.merge(chunkId, 1.0, Double::sum));
            for (Entity neighbor : graph.neighbors(entityId, NEIGHBORS_PER_ENTITY)) {
                graph.chunksMentioning(Set.of(neighbor.id())).forEach(chunkId -> scores.merge(chunkId, 0.5, Double::sum));
            }
        }
        List<String> best = scores.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Double> entry) -> -entry.getValue()).thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Chunk> chunks = new HashMap<>();
        store.chunks(best).forEach(chunk -> chunks.put(chunk.id(), chunk));
        return best.stream()
                .filter(chunks::containsKey)
                .map(id -> new ChunkHit(chunks.get(id), scores.get(id)))
                .sorted(Comparator.comparingDouble(ChunkHit::score).reversed())
                .toList();
    }

    private static Set<String> candidateIds(String query) {
        String[] words = query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Set<String> ids = new LinkedHashSet<>();
        for (int n = 1; n <= MAX_NGRAM; n++) {
            for (int i = 0; i + n <= words.length; i++) {
                String id = String.join("-", Arrays.copyOfRange(words, i, i + n));
                if (id.length() > 2) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
