package io.aegisrag.core.port;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.ChunkScore;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.graph.SavedCommunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** What every {@link GraphStore} adapter must do. */
public abstract class GraphStoreContract {

    /** The length of the name embeddings the contract stores: an adapter with a vector index makes it this long. */
    public static final int NAME_DIMENSION = 3;

    private static final Entity LUCENE = Entity.named("Lucene", "technology");
    private static final Entity JAVA = Entity.named("Java", "technology");
    private static final Entity QDRANT = Entity.named("Qdrant", "technology");

    private GraphStore graph;
    private final DocumentId first = DocumentId.random();
    private final DocumentId second = DocumentId.random();

    protected abstract GraphStore createStore() throws Exception;

    @BeforeEach
    void createEmptyStore() throws Exception {
        graph = createStore();
    }

    private void addTwoDocuments() {
        graph.addDocument(first,
                List.of(new Mention(LUCENE, "a#0"), new Mention(JAVA, "a#0"), new Mention(LUCENE, "a#1")),
                List.of(new Relation(LUCENE.id(), JAVA.id(), "related_to", "a#0", "Lucene is written in \"Java\" \\ 'mostly'.")));
        graph.addDocument(second,
                List.of(new Mention(QDRANT, "b#0"), new Mention(LUCENE, "b#0")),
                List.of(new Relation(QDRANT.id(), LUCENE.id(), "related_to", "b#0")));
    }

    @Test
    void should_count_entities_once_and_every_relation() {
        addTwoDocuments();

        assertThat(graph.entityCount()).isEqualTo(3);
        assertThat(graph.relationCount()).isEqualTo(2);
    }

    @Test
    void should_find_entities_by_part_of_their_name_most_mentioned_first() {
        addTwoDocuments();

        assertThat(graph.findEntities("a", 10)).extracting(Entity::name).containsExactly("Java", "Qdrant");
        assertThat(graph.findEntities("LUC", 10)).containsExactly(LUCENE);
        assertThat(graph.findEntities("nothing", 10)).isEmpty();
    }

    @Test
    void should_find_entities_by_a_typo_and_by_type_the_best_match_first() {
        addTwoDocuments();
        Entity lucid = Entity.named("Lucidity", "concept");
        graph.addDocument(DocumentId.random(), List.of(new Mention(lucid, "c#0"), new Mention(lucid, "c#1"), new Mention(lucid, "c#2"),
                new Mention(lucid, "c#3")), List.of());

        assertThat(graph.findEntities("Qdrabt", Optional.empty(), 10)).as("one substitution").containsExactly(QDRANT);
        assertThat(graph.findEntities("Luc", Optional.empty(), 10)).as("both start with it: most mentioned first").containsExactly(lucid, LUCENE);
        assertThat(graph.findEntities("lucene", Optional.empty(), 10)).as("equal beats more mentioned").first().isEqualTo(LUCENE);
        assertThat(graph.findEntities("luc", Optional.of("CONCEPT"), 10)).containsExactly(lucid);
        assertThat(graph.findEntities("Qd", Optional.of("person"), 10)).isEmpty();
        assertThat(graph.findEntities("Jvaa", Optional.empty(), 10)).as("a transposition is two edits").isEmpty();
    }

    @Test
    void should_return_an_entity_and_its_relations_in_both_directions() {
        addTwoDocuments();

        assertThat(graph.entity(LUCENE.id())).contains(LUCENE);
        assertThat(graph.entity("unknown")).isEmpty();
        assertThat(graph.relationsOf(LUCENE.id(), 10)).extracting(Relation::sourceId, Relation::targetId)
                .containsExactlyInAnyOrder(tuple(LUCENE.id(), JAVA.id()),
                        tuple(QDRANT.id(), LUCENE.id()));
        assertThat(graph.relationsOf(JAVA.id(), 10)).extracting(Relation::chunkId, Relation::sentence)
                .containsExactly(tuple("a#0", "Lucene is written in \"Java\" \\ 'mostly'."));
        assertThat(graph.relationsOf(LUCENE.id(), 1)).hasSize(1);
        assertThat(graph.relationsOf("unknown", 10)).isEmpty();
    }

    @Test
    void should_list_each_related_pair_once() {
        addTwoDocuments();
        graph.addDocument(DocumentId.random(), List.of(new Mention(JAVA, "c#0"), new Mention(LUCENE, "c#0")),
                List.of(new Relation(JAVA.id(), LUCENE.id(), "related_to", "c#0")));

        assertThat(graph.relations()).extracting(relation -> Set.of(relation.sourceId(), relation.targetId()))
                .containsExactlyInAnyOrder(Set.of(LUCENE.id(), JAVA.id()), Set.of(QDRANT.id(), LUCENE.id()));
    }

    @Test
    void should_return_one_hop_neighbors_in_both_directions() {
        addTwoDocuments();

        assertThat(graph.neighbors(LUCENE.id(), 10)).containsExactlyInAnyOrder(JAVA, QDRANT);
        assertThat(graph.neighbors(JAVA.id(), 10)).containsExactly(LUCENE);
        assertThat(graph.neighbors("unknown", 10)).isEmpty();
    }

    @Test
    void should_list_the_most_related_neighbours_first_not_the_alphabetically_first() {
        addTwoDocuments();
        Entity zookeeper = Entity.named("ZooKeeper", "technology");
        graph.addDocument(DocumentId.random(), List.of(new Mention(LUCENE, "c#0"), new Mention(zookeeper, "c#0"), new Mention(zookeeper, "c#1")),
                List.of(new Relation(LUCENE.id(), zookeeper.id(), "related_to", "c#0"), new Relation(zookeeper.id(), LUCENE.id(), "uses", "c#1")));

        assertThat(graph.neighbors(LUCENE.id(), 1)).containsExactly(zookeeper);
        assertThat(graph.neighbors(LUCENE.id(), 10)).containsExactly(zookeeper, JAVA, QDRANT);
    }

    @Test
    void should_return_every_chunk_that_mentions_an_entity() {
        addTwoDocuments();

        assertThat(graph.chunksMentioning(Set.of(LUCENE.id()))).containsExactlyInAnyOrder("a#0", "a#1", "b#0");
        assertThat(graph.chunksMentioning(Set.of("unknown"))).isEmpty();
    }

    @Test
    void should_return_entities_and_the_chunks_mentioning_each_in_one_call_leaving_out_unknown_ones() {
        addTwoDocuments();

        assertThat(graph.chunksMentioningEach(List.of(LUCENE.id(), QDRANT.id(), "unknown")))
                .containsOnlyKeys(LUCENE.id(), QDRANT.id())
                .hasEntrySatisfying(LUCENE.id(), chunks -> assertThat(chunks).containsExactlyInAnyOrder("a#0", "a#1", "b#0"))
                .hasEntrySatisfying(QDRANT.id(), chunks -> assertThat(chunks).containsExactly("b#0"));
        assertThat(graph.chunksMentioningEach(List.of())).isEmpty();
        assertThat(graph.entities(List.of(LUCENE.id(), JAVA.id(), "unknown"))).containsOnlyKeys(LUCENE.id(), JAVA.id())
                .containsEntry(JAVA.id(), JAVA);
    }

    @Test
    void should_rank_chunks_by_the_weights_of_the_entities_they_mention() {
        addTwoDocuments();

        assertThat(graph.topChunks(Map.of(LUCENE.id(), 1.0, JAVA.id(), 0.5, "unknown", 9.0), 2))
                .containsExactly(new ChunkScore("a#0", 1.5), new ChunkScore("a#1", 1.0));
        assertThat(graph.topChunks(Map.of(QDRANT.id(), 1.0), 10)).containsExactly(new ChunkScore("b#0", 1.0));
    }

    @Test
    void should_forget_entities_only_the_removed_document_mentioned() {
        addTwoDocuments();

        graph.removeDocument(first);

        assertThat(graph.entityCount()).isEqualTo(2);
        assertThat(graph.relationCount()).isEqualTo(1);
        assertThat(graph.findEntities("Java", 10)).isEmpty();
        assertThat(graph.chunksMentioning(Set.of(LUCENE.id()))).containsExactly("b#0");
    }

    @Test
    void should_replace_what_a_document_mentioned_when_added_again() {
        addTwoDocuments();

        graph.addDocument(first, List.of(new Mention(JAVA, "a#0")), List.of());

        assertThat(graph.chunksMentioning(Set.of(LUCENE.id()))).containsExactly("b#0");
        assertThat(graph.relationCount()).isEqualTo(1);
    }

    @Test
    void should_find_entities_by_the_embedding_of_their_name_most_similar_first() {
        graph.addDocument(first, List.of(new Mention(LUCENE, "a#0"), new Mention(JAVA, "a#0"), new Mention(QDRANT, "a#1")), List.of(),
                Map.of(LUCENE.id(), new float[]{2, 0, 0}, JAVA.id(), new float[]{1, 1, 0}, "unmentioned", new float[]{1, 0, 0}));

        assertThat(graph.similarEntities(new float[]{1, 0, 0}, 10)).as("Qdrant has no embedding, the unmentioned id no entity")
                .extracting(EntitySimilarity::entityId).containsExactly(LUCENE.id(), JAVA.id());
        assertThat(graph.similarEntities(new float[]{1, 0, 0}, 10)).extracting(EntitySimilarity::similarity)
                .satisfiesExactly(lucene -> assertThat(lucene).isCloseTo(1.0, within(0.01)),
                        java -> assertThat(java).isCloseTo(Math.sqrt(0.5), within(0.01)));
        assertThat(graph.similarEntities(new float[]{0, 1, 0}, 1)).extracting(EntitySimilarity::entityId).containsExactly(JAVA.id());
        assertThat(graph.similarEntities(new float[]{1, 0, 0}, 0)).isEmpty();
    }

    @Test
    void should_forget_a_name_embedding_with_its_entity_and_replace_it_when_given_again() {
        graph.addDocument(first, List.of(new Mention(LUCENE, "a#0")), List.of(), Map.of(LUCENE.id(), new float[]{1, 0, 0}));
        graph.addDocument(second, List.of(new Mention(JAVA, "b#0"), new Mention(LUCENE, "b#0")), List.of(),
                Map.of(JAVA.id(), new float[]{0, 0, 1}, LUCENE.id(), new float[]{0, 1, 0}));

        assertThat(graph.similarEntities(new float[]{0, 1, 0}, 1)).extracting(EntitySimilarity::entityId).containsExactly(LUCENE.id());

        graph.removeDocument(second);

        assertThat(graph.similarEntities(new float[]{0, 0, 1}, 10)).extracting(EntitySimilarity::entityId)
                .as("Java is gone, Lucene keeps its latest embedding").containsExactly(LUCENE.id());
        assertThat(graph.similarEntities(new float[]{0, 1, 0}, 1)).extracting(EntitySimilarity::similarity)
                .singleElement().satisfies(similarity -> assertThat(similarity).isCloseTo(1.0, within(0.01)));
    }

    @Test
    void should_give_the_neighbours_of_each_entity_in_one_call() {
        addTwoDocuments();

        assertThat(graph.neighborsOfEach(List.of(LUCENE.id(), JAVA.id(), "unknown"), 10))
                .containsOnlyKeys(LUCENE.id(), JAVA.id())
                .hasEntrySatisfying(LUCENE.id(), neighbors -> assertThat(neighbors).containsExactlyInAnyOrder(JAVA, QDRANT))
                .containsEntry(JAVA.id(), List.of(LUCENE));
        assertThat(graph.neighborsOfEach(List.of(LUCENE.id()), 1).get(LUCENE.id())).hasSize(1);
    }

    @Test
    void should_keep_the_communities_last_saved_with_the_members_that_are_still_entities() {
        addTwoDocuments();
        graph.saveCommunities(List.of(new SavedCommunity("old", List.of(QDRANT.id()), "Replaced.", "extractive")));

        graph.saveCommunities(List.of(
                new SavedCommunity(LUCENE.id(), List.of(LUCENE.id(), JAVA.id(), "unknown"), "Lucene is written in \"Java\" \\ 'mostly'.", "llm"),
                new SavedCommunity(QDRANT.id(), List.of(QDRANT.id()), "Qdrant.", "extractive")));

        assertThat(graph.savedCommunities()).extracting(SavedCommunity::id, SavedCommunity::summary, SavedCommunity::summarizedBy)
                .containsExactly(tuple(LUCENE.id(), "Lucene is written in \"Java\" \\ 'mostly'.", "llm"), tuple(QDRANT.id(), "Qdrant.", "extractive"));
        assertThat(graph.savedCommunities().get(0).memberIds()).containsExactlyInAnyOrder(LUCENE.id(), JAVA.id());

        graph.removeDocument(first);

        assertThat(graph.savedCommunities().get(0).memberIds()).as("Java was only in the removed document").containsExactly(LUCENE.id());
        assertThat(graph.entityCount()).isEqualTo(2);
        assertThat(graph.relationCount()).isEqualTo(1);
    }

    @Test
    void should_ignore_removal_of_an_unknown_document() {
        addTwoDocuments();

        graph.removeDocument(DocumentId.random());

        assertThat(graph.entityCount()).isEqualTo(3);
    }
}
