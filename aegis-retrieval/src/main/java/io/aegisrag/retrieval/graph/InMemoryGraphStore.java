package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.graph.SavedCommunity;
import io.aegisrag.core.port.GraphStore;
import org.apache.lucene.util.VectorUtil;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GraphStore} held in the JVM: entities, mentions and relations indexed by document. Adding a
 * document indexes it incrementally; removing one rebuilds the indexes from the remaining documents.
 * Entity name embeddings are kept unit-length and compared with every one of them (an exact search).
 */
public final class InMemoryGraphStore implements GraphStore {

    private record DocumentGraph(List<Mention> mentions, List<Relation> relations) {
    }

    private final Map<DocumentId, DocumentGraph> documents = new LinkedHashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, Integer> mentionCounts = new HashMap<>();
    private final Map<String, Set<String>> chunksByEntity = new HashMap<>();
    private final Map<String, Map<String, Integer>> neighborsByEntity = new HashMap<>();
    private final Map<String, float[]> nameVectors = new HashMap<>();
    private volatile NameVectors nameIndex;
    private long relationCount;
    private List<SavedCommunity> communities = List.of();

    @Override
    public synchronized void addDocument(DocumentId documentId, List<Mention> mentions, List<Relation> relations,
                                         Map<String, float[]> nameVectors) {
        removeDocument(documentId);
        DocumentGraph graph = new DocumentGraph(List.copyOf(mentions), List.copyOf(new LinkedHashSet<>(relations)));
        documents.put(documentId, graph);
        index(graph);
        nameVectors.forEach((entityId, vector) -> {
            if (entities.containsKey(entityId)) {
                this.nameVectors.put(entityId, unit(vector));
            }
        });
        nameIndex = null;
    }

    @Override
    public synchronized void removeDocument(DocumentId documentId) {
        if (documents.remove(documentId) != null) {
            rebuildIndexes();
        }
    }

    @Override
    public synchronized List<Entity> findEntities(String text, Optional<String> type, int limit) {
        NameMatch match = new NameMatch(text);
        Map<Entity, Integer> ranks = new HashMap<>();
        for (Entity entity : entities.values()) {
            if (type.map(wanted -> wanted.equalsIgnoreCase(entity.type())).orElse(true)) {
                match.rank(entity.name()).ifPresent(rank -> ranks.put(entity, rank));
            }
        }
        return ranks.keySet().stream()
                .sorted(Comparator.comparing((Entity entity) -> ranks.get(entity))
                        .thenComparing(entity -> -mentionCounts.getOrDefault(entity.id(), 0))
                        .thenComparing(Entity::id))
                .limit(limit)
                .toList();
    }

    @Override
    public List<EntitySimilarity> similarEntities(float[] vector, int limit) {
        NameVectors names = nameIndex;
        if (names == null || names.dimension() != vector.length) {
            synchronized (this) {
                names = NameVectors.of(nameVectors, vector.length);
                nameIndex = names;
            }
        }
        return names.nearest(unit(vector), limit);
    }

    @Override
    public synchronized Optional<Entity> entity(String entityId) {
        return Optional.ofNullable(entities.get(entityId));
    }

    @Override
    public synchronized List<Relation> relations() {
        Map<List<String>, Relation> pairs = new LinkedHashMap<>();
        documents.values().forEach(graph -> graph.relations().forEach(relation -> pairs.putIfAbsent(relation.pair(), relation)));
        return List.copyOf(pairs.values());
    }

    @Override
    public synchronized List<Relation> relationsOf(String entityId, int limit) {
        return documents.values().stream()
                .flatMap(graph -> graph.relations().stream())
                .filter(relation -> relation.sourceId().equals(entityId) || relation.targetId().equals(entityId))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Entity> neighbors(String entityId, int limit) {
        Map<String, Integer> relationsTo = neighborsByEntity.getOrDefault(entityId, Map.of());
        return relationsTo.keySet().stream()
                .sorted(Comparator.comparing((String id) -> -relationsTo.get(id)).thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .map(entities::get)
                .toList();
    }

    @Override
    public synchronized Set<String> chunksMentioning(Set<String> entityIds) {
        if (entityIds.size() == 1) {
            return Collections.unmodifiableSet(chunksByEntity.getOrDefault(entityIds.iterator().next(), Set.of()));
        }
        Set<String> chunks = new HashSet<>();
        entityIds.forEach(id -> chunks.addAll(chunksByEntity.getOrDefault(id, Set.of())));
        return chunks;
    }

    @Override
    public synchronized long entityCount() {
        return entities.size();
    }

    @Override
    public synchronized long relationCount() {
        return relationCount;
    }

    @Override
    public synchronized void saveCommunities(List<SavedCommunity> communities) {
        this.communities = List.copyOf(communities);
    }

    @Override
    public synchronized List<SavedCommunity> savedCommunities() {
        return communities.stream().map(community -> new SavedCommunity(community.id(),
                community.memberIds().stream().filter(entities::containsKey).toList(), community.summary(), community.summarizedBy())).toList();
    }

    @Override
    public String serviceName() {
        return "embedded_graph";
    }

    /** Takes the lock every read and write takes, and reads the entity count. */
    @Override
    public boolean isAvailable() {
        return entityCount() >= 0;
    }

    private void rebuildIndexes() {
        entities.clear();
        mentionCounts.clear();
        chunksByEntity.clear();
        neighborsByEntity.clear();
        relationCount = 0;
        documents.values().forEach(this::index);
        nameVectors.keySet().retainAll(entities.keySet());
        nameIndex = null;
    }

    private static float[] unit(float[] vector) {
        double norm = Math.sqrt(VectorUtil.dotProduct(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    private void index(DocumentGraph graph) {
        for (Mention mention : graph.mentions()) {
            entities.putIfAbsent(mention.entity().id(), mention.entity());
            mentionCounts.merge(mention.entity().id(), 1, Integer::sum);
            chunksByEntity.computeIfAbsent(mention.entity().id(), id -> ConcurrentHashMap.newKeySet()).add(mention.chunkId());
        }
        for (Relation relation : graph.relations()) {
            neighborsByEntity.computeIfAbsent(relation.sourceId(), id -> new HashMap<>()).merge(relation.targetId(), 1, Integer::sum);
            neighborsByEntity.computeIfAbsent(relation.targetId(), id -> new HashMap<>()).merge(relation.sourceId(), 1, Integer::sum);
        }
        relationCount += graph.relations().size();
    }
}
