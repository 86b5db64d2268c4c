package io.aegisrag.memory;

import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.TemporalMemoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.observability.health.ServiceProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.aegisrag.core.memory.MemoryScope.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The contract against a real Neo4j 5.26, in process (neo4j-harness), over Bolt. */
class Neo4jTemporalMemoryTest extends TemporalMemoryContract {

    private static Neo4j neo4j;
    private Neo4jTemporalMemory memory;

    @BeforeAll
    static void startNeo4j() {
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
    }

    @AfterAll
    static void stopNeo4j() {
        neo4j.close();
    }

    @Override
    protected TemporalMemory createMemory() {
        try (var session = neo4j.defaultDatabaseService().beginTx()) {
            session.execute("MATCH (n) DETACH DELETE n");
            session.commit();
        }
        memory = new Neo4jTemporalMemory(neo4j.boltURI().toString(), null, null, "neo4j", Duration.ofSeconds(10));
        return memory;
    }

    @AfterEach
    void closeDriver() {
        memory.close();
    }

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

    private static List<Map<String, Object>> rows(String cypher) {
        try (var tx = neo4j.defaultDatabaseService().beginTx()) {
            List<Map<String, Object>> rows = tx.execute(cypher).stream().toList();
            tx.commit();
            return rows;
        }
    }

    @Test
    void should_store_an_episode_in_graphitis_schema() {
        memory.recordEpisode("conversation-1", List.of(
                new Fact("conversation-1/episode", FactType.EPISODIC, "session-7", "Alice works at Acme", JAN, null, JAN),
                new Fact("conversation-1/alice", FactType.ENTITY, "alice", "Alice is mentioned", JAN, null, JAN),
                Fact.relation("conversation-1/relation-0", "alice", new Fact.Edge("works_at", "acme"), "Alice works at Acme", JAN, JAN)));
        memory.record(Fact.relation("2", "Alice", new Fact.Edge("works_at", "globex"), "Alice works at Globex", FEB, FEB), true);

        assertThat(rows("MATCH (e:Episodic {uuid: 'conversation-1/episode'})-[m:MENTIONS]->(n:Entity {uuid: 'alice'})"
                + " RETURN e.session AS session, e.group_id AS group, e.content AS content, e.valid_at AS valid, m.session AS mention_session"))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("session", "session-7").containsEntry("group", "default")
                            .containsEntry("content", "Alice works at Acme").containsEntry("mention_session", "session-7");
                    assertThat(((java.time.ZonedDateTime) row.get("valid")).toInstant()).isEqualTo(JAN);
                });
        assertThat(rows("MATCH (:Entity {uuid: 'alice'})-[r:RELATES_TO]->(o:Entity) RETURN r.name AS name, o.uuid AS object,"
                + " r.session AS group, r.episodes AS episodes, r.invalid_at IS NOT NULL AS ended, r.expired_at IS NOT NULL AS expired"
                + " ORDER BY r.created_at, r.invalid_at"))
                .extracting(row -> row.get("object") + " " + row.get("group") + " " + List.of((String[]) row.get("episodes")) + " ended=" + row.get("ended")
                        + " expired=" + row.get("expired"))
                .containsExactly("acme session-7 [conversation-1] ended=false expired=true",
                        "acme session-7 [conversation-1] ended=true expired=false",
                        "globex  [] ended=false expired=false");
        assertThat(rows("SHOW INDEXES YIELD name RETURN name")).extracting(row -> row.get("name"))
                .contains("edge_name_and_fact", "episode_content", "node_name_and_summary", "relation_valid_at",
                        "relation_invalid_at", "relation_created_at", "relation_expired_at", "episodic_valid_at");
    }

    @Test
    void should_move_what_was_written_before_groups_existed_into_the_default_and_documents_groups() {
        rows("CREATE (:Episodic {uuid: 'conversation-9/episode', fact_type: 'episodic', group_id: 'session-9', content: 'Alice works at Acme',"
                + " valid_at: datetime('2026-01-01T00:00:00Z'), created_at: datetime('2026-01-01T00:00:00Z'), episode: 'conversation-9',"
                + " lineage: 'conversation-9/episode'})"
                + " CREATE (:Entity {uuid: 'alice', name: 'Alice'})-[:RELATES_TO {uuid: 'conversation-9/relation-0', name: 'works_at',"
                + " fact: 'Alice works at Acme', subject: 'alice', object: 'acme', valid_at: datetime('2026-01-01T00:00:00Z'),"
                + " created_at: datetime('2026-01-01T00:00:00Z'), episode: 'conversation-9', lineage: 'conversation-9/relation-0',"
                + " group_id: 'session-9', episodes: ['conversation-9']}]->(:Entity {uuid: 'acme', name: 'Acme'})"
                + " CREATE (:Episodic {uuid: 'd0c/episode', fact_type: 'episodic', group_id: 'd0c', content: 'ingested', episode: 'd0c',"
                + " valid_at: datetime('2026-01-01T00:00:00Z'), created_at: datetime('2026-01-01T00:00:00Z'), lineage: 'd0c/episode'})");

        MemoryScope defaultGroup = MemoryScope.of(MemoryScope.DEFAULT_GROUP, Set.of()).own();
        assertThat(memory.factsAt(defaultGroup, FEB, Optional.empty(), Optional.empty()))
                .extracting(Fact::id, Fact::subject).containsExactlyInAnyOrder(
                        tuple("conversation-9/episode", "session-9"),
                        tuple("conversation-9/relation-0", "alice"));
        assertThat(memory.factsAt(MemoryScope.of("key:other", Set.of()), FEB, Optional.empty(), Optional.of(FactType.EPISODIC)))
                .extracting(Fact::id, Fact::group).containsExactly(tuple("d0c/episode", MemoryScope.DOCUMENTS));
    }

    @Test
    void should_forget_an_episode_with_the_entities_nothing_else_mentions() {
        memory.recordEpisode("conversation-1", List.of(new Fact("conversation-1/kafka", FactType.ENTITY, "kafka", "Kafka", JAN, null, JAN),
                new Fact("conversation-1/lucene", FactType.ENTITY, "lucene", "Lucene", JAN, null, JAN)));
        memory.recordEpisode("conversation-2", List.of(new Fact("conversation-2/lucene", FactType.ENTITY, "lucene", "Lucene", JAN, null, JAN)));

        assertThat(memory.forgetEpisode("conversation-1")).isTrue();

        assertThat(rows("MATCH (e:Entity) RETURN e.uuid AS id")).extracting(row -> row.get("id")).containsExactly("lucene");
        assertThat(memory.count(FactType.ENTITY)).isEqualTo(1);
    }

    @Test
    void should_fail_as_a_database_error_and_probe_down_while_neo4j_is_unreachable() {
        try (Neo4jTemporalMemory unreachable = new Neo4jTemporalMemory("bolt://127.0.0.1:1", null, null, "neo4j", Duration.ofMillis(500))) {
            assertThatThrownBy(() -> unreachable.factsAt(ALL, JAN, Optional.empty(), Optional.empty()))
                    .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
            assertThat(ServiceProbe.isUp(unreachable)).isFalse();
        }
    }
}
