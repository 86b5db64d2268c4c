package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.port.EmbeddingModel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The embeddings of the names of the entities an extraction mentions, by entity id: what graph retrieval matches a question with. */
public final class EntityNameEmbeddings {

    private EntityNameEmbeddings() {
    }

    /** One batch of the names, each entity once (as first mentioned). */
    public static Map<String, float[]> of(EmbeddingModel embeddings, Extraction extraction) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Entity entity : extraction.entities()) {
            names.putIfAbsent(entity.id(), entity.name());
        }
        if (names.isEmpty()) {
            return Map.of();
        }
        List<float[]> vectors = embeddings.embedAll(List.copyOf(names.values()));
        Map<String, float[]> byId = new HashMap<>();
        int i = 0;
        for (String entityId : names.keySet()) {
            byId.put(entityId, vectors.get(i++));
        }
        return byId;
    }
}
