package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.graph.ChunkScore;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.EntitySimilarity;
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
 * LightRAG's local graph mode: the entities the question names (any run of one to three of its words
 * that is an entity id, weight 1) or, when it names none, those whose names' embeddings are nearest
 * to the question's (the {@value #SIMILAR_ENTITIES} nearest, weighed by how far their similarity
 * exceeds {@value #MIN_NAME_SIMILARITY}: a search over every name, which a question that names its
 * entities does not pay for); then their neighbours, the most related first, at half their weight;
 * then the chunks that mention them, ranked by the sum of the weights of what each mentions.
 */
@ApplicationScoped
public class GraphRetriever implements ChunkRetriever {

    private static final int NEIGHBORS_PER_ENTITY = 5;
    static final int SIMILAR_ENTITIES = 5;
    static final double MIN_NAME_SIMILARITY = 0.5;

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
    public List<ChunkHit> retrieve(Question question, int limit) {
        Map<String, Double> named = new HashMap<>();
        graph.entities(EntityNames.candidateIds(question.text())).keySet().forEach(entityId -> named.put(entityId, 1.0));
        if (named.isEmpty()) {
            for (EntitySimilarity similar : graph.similarEntities(question.embedding(), SIMILAR_ENTITIES)) {
                double weight = (similar.similarity() - MIN_NAME_SIMILARITY) / (1 - MIN_NAME_SIMILARITY);
                if (weight > 0) {
                    named.put(similar.entityId(), weight);
                }
            }
        }
        if (named.isEmpty()) {
            return List.of();
        }
        Map<String, Double> weights = new HashMap<>(named);
        graph.neighborsOfEach(named.keySet(), NEIGHBORS_PER_ENTITY).forEach((entityId, neighbors) -> {
            for (Entity neighbor : neighbors) {
                weights.merge(neighbor.id(), named.get(entityId) / 2, Double::sum);
            }
        });
        List<ChunkScore> best = graph.topChunks(weights, limit);
        Map<String, Chunk> chunks = new HashMap<>();
        store.chunks(best.stream().map(ChunkScore::chunkId).toList()).forEach(chunk -> chunks.put(chunk.id(), chunk));
        return best.stream()
                .filter(score -> chunks.containsKey(score.chunkId()))
                .map(score -> new ChunkHit(chunks.get(score.chunkId()), score.score()))
                .toList();
    }
}
