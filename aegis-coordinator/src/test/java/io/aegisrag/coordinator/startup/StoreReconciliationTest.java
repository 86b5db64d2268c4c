package io.aegisrag.coordinator.startup;

import io.aegisrag.coordinator.memory.EpisodeService;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.testing.HashEmbeddingModel;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.memory.Neo4jTemporalMemory;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.graph.Neo4jGraphStore;
import io.aegisrag.retrieval.graph.RuleEpisodeReader;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreReconciliationTest {

    @TempDir
    Path directory;

    private LuceneVectorStore store;
    private final InMemoryGraphStore graph = new InMemoryGraphStore();
    private final InMemoryTemporalMemory memory = new InMemoryTemporalMemory();

    @BeforeEach
    void open() {
        store = new LuceneVectorStore(directory, "test-model", 2);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private Chunk store(String text) {
        DocumentId id = DocumentId.random();
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0);
        store.add(new Document(id, "t", "s", text, Map.of(), Instant.now()), List.of(new EmbeddedChunk(chunk, new float[]{1, 0})));
        return chunk;
    }

    @Test
    void should_extract_every_stored_document_into_an_empty_graph() {
        Chunk redis = store("Lettuce is the Java client of Redis.");
        store("Qdrant is written in Rust.");

        new StoreReconciliation(store, graph, memory, new EntityExtractor(), new HashEmbeddingModel()).reconcile();

        assertThat(graph.entityCount()).isEqualTo(5);
        assertThat(graph.chunksMentioning(Set.of("redis"))).containsExactly(redis.id());
        assertThat(graph.similarEntities(new HashEmbeddingModel().embed("Redis"), 10)).as("names embedded again")
                .filteredOn(similar -> similar.similarity() > 0.99).extracting(EntitySimilarity::entityId).contains("redis");
    }

    @Test
    void should_rebuild_the_graph_and_start_when_memory_cannot_be_read() {
        store("Lettuce is the Java client of Redis.");
        Neo4jTemporalMemory down = new Neo4jTemporalMemory("bolt://127.0.0.1:1", null, null, "neo4j", Duration.ofMillis(300));

        try (down) {
            new StoreReconciliation(store, graph, down, new EntityExtractor(), new HashEmbeddingModel()).reconcile();
        }

        assertThat(graph.entityCount()).isEqualTo(3);
    }

    @Test
    void should_start_without_reconciling_when_the_graph_store_cannot_be_read() {
        store("Lettuce is the Java client of Redis.");

        try (Neo4jGraphStore down = new Neo4jGraphStore("bolt://127.0.0.1:1", null, null, "neo4j", Duration.ofMillis(300), 8)) {
            StoreReconciliation reconciliation = new StoreReconciliation(store, down, memory, new EntityExtractor(), new HashEmbeddingModel());
            assertThatThrownBy(reconciliation::reconcile).isInstanceOf(AegisException.class);
            reconciliation.onStart(null);
        }

        assertThat(memory.episodes(MemoryScope.ALL)).isEmpty();
    }

    @Test
    void should_leave_a_graph_that_already_has_entities_alone() {
        store("Lettuce is the Java client of Redis.");
        StoreReconciliation reconciliation = new StoreReconciliation(store, graph, memory, new EntityExtractor(), new HashEmbeddingModel());
        reconciliation.reconcile();
        store("Qdrant is written in Rust.");

        reconciliation.reconcile();

        assertThat(graph.entityCount()).isEqualTo(3);
    }

    @Test
    void should_forget_the_episode_of_a_document_the_store_never_committed_and_restore_a_missing_one() {
        Chunk stored = store("Lettuce is the Java client of Redis.");
        String unfinished = DocumentId.random().value();
        Instant now = Instant.now();
        memory.recordEpisode(unfinished, List.of(new Fact(unfinished + "/episode", FactType.EPISODIC, unfinished, "ingested", now, null, now)));
        memory.record(new Fact("turn", FactType.EPISODIC, "session-1", "asked: why?", now, null, now), false);

        new StoreReconciliation(store, graph, memory, new EntityExtractor(), new HashEmbeddingModel()).reconcile();

        assertThat(memory.episodes(MemoryScope.ALL)).containsExactly(stored.documentId().value());
        assertThat(memory.count(FactType.EPISODIC)).isEqualTo(2);
        assertThat(memory.count(FactType.ENTITY)).isEqualTo(3);
    }

    @Test
    void should_keep_the_episodes_of_conversations() {
        store("Lettuce is the Java client of Redis.");
        String conversation = new EpisodeService(memory, new RuleEpisodeReader(), new HashEmbeddingModel(), Clock.systemUTC())
                .record(MemoryScope.DEFAULT_GROUP, "session-1", "Marguerite moved the Zanzibar cluster.", Optional.empty()).episodeId();

        new StoreReconciliation(store, graph, memory, new EntityExtractor(), new HashEmbeddingModel()).reconcile();

        assertThat(memory.episodes(MemoryScope.ALL)).contains(conversation);
        assertThat(memory.factsAt(MemoryScope.ALL, Instant.now(), Optional.of("zanzibar"), Optional.of(FactType.ENTITY))).hasSize(1);
    }
}
