package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryRetrieverTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static OnnxEmbeddingModel embeddings;
    private final InMemoryTemporalMemory memory = new InMemoryTemporalMemory();
    private final MemoryRetriever retriever = new MemoryRetriever(memory, embeddings, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void loadModel() {
        embeddings = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED);
    }

    private List<ChunkHit> retrieve(String question) {
        return retriever.retrieve(new Question(question, embeddings), 10);
    }

    private static Fact relation(String id, String subject, String relation, String object, String sentence, Instant at) {
        return Fact.relation(id, subject, new Fact.Edge(relation, object), sentence, at, at);
    }

    @Test
    void should_return_the_facts_valid_now_as_memory_contexts() {
        memory.record(relation("1", "alice", "works_at", "acme", "Alice works at Acme", JAN), true);
        memory.record(relation("2", "alice", "works_at", "globex", "Alice joined Globex", FEB), true);
        memory.record(new Fact("3", FactType.EPISODIC, "s1", "Alice works at Acme, she said", JAN, null, JAN), false);

        List<ChunkHit> hits = retrieve("Where does Alice work?");

        assertThat(hits).extracting(hit -> hit.chunk().text()).containsExactly("Alice joined Globex");
        Chunk context = hits.get(0).chunk();
        assertThat(context.kind()).isEqualTo(Chunk.Kind.MEMORY);
        assertThat(context.documentId()).isNull();
        assertThat(context.title()).isEqualTo("Memory: alice works_at globex");
        assertThat(context.section()).startsWith("true since 2026-02-01T00:00:00Z");
    }

    @Test
    void should_follow_the_named_entity_to_the_facts_of_what_it_points_to() {
        memory.record(relation("1", "alice", "works_at", "acme", "Alice works at Acme", JAN), true);
        memory.record(relation("2", "acme", "lives_in", "berlin", "Acme is based in Berlin", JAN), true);
        memory.record(relation("3", "bob", "lives_in", "paris", "Bob lives in Paris", JAN), true);

        assertThat(retrieve("Tell me about Alice")).extracting(hit -> hit.chunk().id()).containsExactly("1", "2");
    }

    @Test
    void should_rank_first_the_fact_that_matches_in_words_in_entities_and_in_meaning() {
        memory.record(relation("1", "alice", "uses", "kafka", "Alice uses Kafka for the event stream", JAN), true);
        memory.record(relation("2", "bob", "uses", "postgres", "Bob stores the orders in Postgres", JAN), true);
        memory.record(relation("3", "carol", "uses", "kafka", "Carol reads Kafka topics from Spark", JAN), true);

        assertThat(retrieve("Which database keeps Bob's orders?")).extracting(hit -> hit.chunk().id()).first().isEqualTo("2");
        assertThat(retrieve("nothing in common here")).isEmpty();
    }

    @Test
    void should_answer_from_the_askers_groups_of_memory_only() {
        memory.record(relation("ann-1", "alice", "works_at", "acme", "Alice works at Acme", JAN).inGroup("key:ann"), true);
        memory.record(relation("ben-1", "alice", "works_at", "globex", "Alice works at Globex", FEB).inGroup("key:ben"), true);

        assertThat(retriever.retrieve(new Question("Where does Alice work?", embeddings, MemoryScope.of("key:ann", Set.of())), 10))
                .extracting(hit -> hit.chunk().id()).containsExactly("ann-1");
        assertThat(retriever.retrieve(new Question("Where does Alice work?", embeddings, MemoryScope.of("key:ben", Set.of())), 10))
                .extracting(hit -> hit.chunk().id()).containsExactly("ben-1");
        assertThat(retriever.retrieve(new Question("Where does Alice work?", embeddings, MemoryScope.of("key:carl", Set.of("key:ann"))), 10))
                .extracting(hit -> hit.chunk().id()).containsExactly("ann-1");
    }
}
