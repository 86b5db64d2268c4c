package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.GraphStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The graph store contract against a real Neo4j 5.26, in process (neo4j-harness), over Bolt. */
class Neo4jGraphStoreTest extends GraphStoreContract {

    private static Neo4j neo4j;
    private Neo4jGraphStore store;

    @BeforeAll
    static void startNeo4j() {
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
    }

    @AfterAll
    static void stopNeo4j() {
        neo4j.close();
    }

    @Override
    protected GraphStore createStore() {
        cypher("MATCH (n) DETACH DELETE n");
        store = new Neo4jGraphStore(neo4j.boltURI().toString(), null, null, "neo4j", Duration.ofSeconds(10), GraphStoreContract.NAME_DIMENSION);
        return store;
    }

    @AfterEach
    void closeDriver() {
        store.close();
    }

    private static void cypher(String statement) {
        try (var tx = neo4j.defaultDatabaseService().beginTx()) {
            tx.execute(statement);
            tx.commit();
        }
    }

    private static long count(String query) {
        try (var tx = neo4j.defaultDatabaseService().beginTx()) {
            return (long) tx.execute(query).next().get("n");
        }
    }

    @Test
    void should_store_relations_as_typed_edges_and_keep_reserved_or_unsafe_types_apart() {
        Entity curie = Entity.named("Marie Curie", "person");
        Entity paris = Entity.named("Paris", "place");
        store.addDocument(DocumentId.random(), List.of(new Mention(curie, "a#0"), new Mention(paris, "a#0")), List.of(
                new Relation(curie.id(), paris.id(), "worked_in", "a#0"),
                new Relation(paris.id(), curie.id(), "mentions", "a#0"),
                new Relation(curie.id(), paris.id(), "x]->() DETACH DELETE n //", "a#0")));

        assertThat(count("MATCH (:DocumentEntity {id: 'marie-curie'})-[r:WORKED_IN]->(:DocumentEntity {id: 'paris'}) RETURN count(r) AS n")).isOne();
        assertThat(count("MATCH (:DocumentEntity)-[r:RELATED_TO]->(:DocumentEntity) RETURN count(r) AS n")).isEqualTo(2);
        assertThat(count("MATCH (:Chunk {id: 'a#0'})-[:MENTIONS]->(e:Entity:DocumentEntity) RETURN count(e) AS n")).isEqualTo(2);
        assertThat(store.relationsOf(curie.id(), 10)).extracting(Relation::type)
                .containsExactlyInAnyOrder("worked_in", "mentions", "x]->() DETACH DELETE n //");
    }

    @Test
    void should_treat_names_holding_quotes_backslashes_cypher_and_lucene_syntax_as_names() {
        Entity odd = new Entity("odd", "O'Brien \\\" }) MATCH (n) DETACH DELETE n // title:(x) AND ~2", "person");
        store.addDocument(DocumentId.random(), List.of(new Mention(odd, "a#0")), List.of());

        assertThat(store.findEntities("o'brien \\\" })", Optional.empty(), 5)).containsExactly(odd);
        assertThat(store.findEntities("// title:(x) AND ~2", Optional.empty(), 5)).containsExactly(odd);
        assertThat(store.findEntities(") OR *:* brein~", Optional.empty(), 5)).isEmpty();
        assertThat(store.entityCount()).isOne();
    }

    @Test
    void should_leave_no_part_of_a_document_when_its_write_fails() {
        DocumentId kept = DocumentId.random();
        store.addDocument(kept, List.of(new Mention(Entity.named("Lucene", "technology"), "k#0")), List.of());
        cypher("CREATE CONSTRAINT test_unique_name IF NOT EXISTS FOR (n:DocumentEntity) REQUIRE n.name_lower IS UNIQUE");
        try {
            DocumentId failing = DocumentId.random();
            assertThatThrownBy(() -> store.addDocument(failing, List.of(
                    new Mention(new Entity("qdrant", "Qdrant", "technology"), "f#0"),
                    new Mention(new Entity("qdrant-db", "qdrant", "technology"), "f#1")), List.of()))
                    .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));

            assertThat(store.entityCount()).isOne();
            assertThat(count("MATCH (c:Chunk) WHERE c.document_id = '" + failing.value() + "' RETURN count(c) AS n")).isZero();
            assertThat(count("MATCH (d:Document) RETURN count(d) AS n")).isOne();
        } finally {
            cypher("DROP CONSTRAINT test_unique_name");
        }
    }

    @Test
    void should_make_the_name_vector_index_again_for_another_embedding_model() {
        Entity lucene = Entity.named("Lucene", "technology");
        store.addDocument(DocumentId.random(), List.of(new Mention(lucene, "a#0")), List.of(), Map.of(lucene.id(), new float[]{1, 0, 0}));
        Entity java = Entity.named("Java", "technology");
        int otherDimension = GraphStoreContract.NAME_DIMENSION + 2;

        try (Neo4jGraphStore reindexed = new Neo4jGraphStore(neo4j.boltURI().toString(), null, null, "neo4j", Duration.ofSeconds(10), otherDimension)) {
            reindexed.addDocument(DocumentId.random(), List.of(new Mention(java, "b#0")), List.of(), Map.of(java.id(), new float[]{0, 0, 0, 0, 1}));

            assertThat(reindexed.similarEntities(new float[]{0, 0, 0, 1, 1}, 10)).extracting(EntitySimilarity::entityId)
                    .as("the other model's vector is not in the new index").containsExactly(java.id());
            assertThat(count("SHOW INDEXES YIELD name, options WHERE name = '" + Neo4jGraphStore.NAME_VECTOR_INDEX
                    + "' AND options.indexConfig['vector.dimensions'] = " + otherDimension + " RETURN count(*) AS n")).isEqualTo(1);
        }
    }

    @Test
    void should_keep_apart_from_temporal_memory_entities_in_the_same_database() {
        cypher("CREATE (:Entity {uuid: 'alice', name: 'Alice'})-[:RELATES_TO {name: 'knows'}]->(:Entity {uuid: 'bob', name: 'Bob'})");
        store.addDocument(DocumentId.random(), List.of(new Mention(Entity.named("Alicia", "person"), "a#0")), List.of());

        assertThat(store.entityCount()).isOne();
        assertThat(store.relationCount()).isZero();
        assertThat(store.findEntities("Ali", Optional.empty(), 5)).extracting(Entity::name).containsExactly("Alicia");
        assertThat(count("MATCH (e:Entity) WHERE e.uuid IS NOT NULL RETURN count(e) AS n")).isEqualTo(2);
    }

    @Test
    void should_be_down_with_a_database_error_when_neo4j_cannot_be_reached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Neo4jGraphStore down = new Neo4jGraphStore("bolt://127.0.0.1:" + closedPort, null, null, "neo4j", Duration.ofMillis(500), GraphStoreContract.NAME_DIMENSION)) {
            assertThatThrownBy(down::isAvailable)
                    .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
            assertThatThrownBy(() -> down.chunksMentioning(Set.of("lucene"))).isInstanceOf(AegisException.class);
        }
    }
}
