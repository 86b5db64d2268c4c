package io.aegisrag.core.port;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.ChunkScore;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.graph.SavedCommunity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The knowledge graph: entities, the chunks that mention them and the relations between them. */
public interface GraphStore extends BackingService {

    /**
     * Records what one document mentions, with the embedding of each entity's name by entity id
     * ({@code nameVectors}: an entity without one is not found by {@link #similarEntities}); replaces
     * whatever was recorded for the document before, and an entity's earlier name embedding.
     */
    void addDocument(DocumentId documentId, List<Mention> mentions, List<Relation> relations, Map<String, float[]> nameVectors);

    /** Records what one document mentions, without name embeddings. */
    default void addDocument(DocumentId documentId, List<Mention> mentions, List<Relation> relations) {
        addDocument(documentId, mentions, relations, Map.of());
    }

    /** Forgets the document's mentions and relations, and entities no other document mentions. */
    void removeDocument(DocumentId documentId);

    /** Entities whose name contains {@code text} (case-insensitive), most mentioned first. */
    default List<Entity> findEntities(String text, int limit) {
        return findEntities(text, Optional.empty(), limit);
    }

    /**
     * Entities named like {@code text}, ignoring case, optionally only of {@code type}: the name equal to
     * it, then starting with it, then containing it, then a word of the name one or two edits from it
     * (a typo); most mentioned first within each.
     */
    List<Entity> findEntities(String text, Optional<String> type, int limit);

    /**
     * The {@code limit} entities whose name embedding is nearest to {@code vector} (cosine similarity),
     * most similar first; an index search where the store has one, so the nearest may be approximate.
     */
    List<EntitySimilarity> similarEntities(float[] vector, int limit);

    /** The entity with this id, if the graph holds it. */
    Optional<Entity> entity(String entityId);

    /** The entities with these ids that the graph holds, by id; one round trip to the store where it can. */
    default Map<String, Entity> entities(Collection<String> entityIds) {
        Map<String, Entity> found = new HashMap<>();
        entityIds.forEach(id -> entity(id).ifPresent(entity -> found.put(id, entity)));
        return found;
    }

    /** Every relation the graph holds, each pair of entities once whatever the relation's type or direction. */
    List<Relation> relations();

    /** The relations leaving or entering the entity, at most {@code limit}. */
    List<Relation> relationsOf(String entityId, int limit);

    /**
     * Entities one relation away from {@code entityId}, the most related first (the number of relations
     * between the two, in either direction), ties by id; at most {@code limit}.
     */
    List<Entity> neighbors(String entityId, int limit);

    /**
     * For each of {@code entityIds} that has neighbours, its {@link #neighbors} (at most {@code limit}
     * each); one round trip to the store where it can, rather than one per entity.
     */
    default Map<String, List<Entity>> neighborsOfEach(Collection<String> entityIds, int limit) {
        Map<String, List<Entity>> neighbors = new HashMap<>();
        for (String entityId : entityIds) {
            List<Entity> found = neighbors(entityId, limit);
            if (!found.isEmpty()) {
                neighbors.put(entityId, found);
            }
        }
        return neighbors;
    }

    /** Ids of the chunks that mention any of {@code entityIds}; read-only, and may show later changes to the graph. */
    Set<String> chunksMentioning(Set<String> entityIds);

    /**
     * For each of {@code entityIds} that any chunk mentions, the ids of those chunks; one round trip to
     * the store where it can, rather than one per entity.
     */
    default Map<String, Set<String>> chunksMentioningEach(Collection<String> entityIds) {
        Map<String, Set<String>> mentioning = new HashMap<>();
        for (String entityId : entityIds) {
            Set<String> chunks = chunksMentioning(Set.of(entityId));
            if (!chunks.isEmpty()) {
                mentioning.put(entityId, chunks);
            }
        }
        return mentioning;
    }

    /**
     * The {@code limit} chunks with the highest sum of the weights of the entities they mention, best
     * first, ties by chunk id; computed where the mentions are, where it can be.
     */
    default List<ChunkScore> topChunks(Map<String, Double> entityWeights, int limit) {
        Map<String, Double> scores = new HashMap<>();
        chunksMentioningEach(entityWeights.keySet()).forEach((entityId, chunks) ->
                chunks.forEach(chunk -> scores.merge(chunk, entityWeights.get(entityId), Double::sum)));
        return ChunkScore.best(scores, limit);
    }

    long entityCount();

    long relationCount();

    /**
     * Replaces the communities the store keeps with {@code communities} (members that are no longer
     * entities are left out), so that their summaries outlive the process.
     */
    void saveCommunities(List<SavedCommunity> communities);

    /** The communities last saved, in the order they were saved. */
    List<SavedCommunity> savedCommunities();
}
