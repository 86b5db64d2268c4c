package io.aegisrag.coordinator.ingest;

import io.aegisrag.coordinator.startup.StoreReconciliation;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.testing.HashEmbeddingModel;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import io.aegisrag.memory.JournaledTemporalMemory;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every write of an ingestion fails in turn, over real stores: the document ends up in all of them or in none. */
class DefaultIngestionServiceTest {

    private static final DocumentRequest DOCUMENT = new DocumentRequest("Redis", "redis.md",
            "# Caching\n\nLettuce is the Java client that talks to Redis. Redis evicts keys with allkeys-lru.", null);

    @TempDir
    Path directory;

    private final Set<String> failing = new HashSet<>();
    private final IsolatedMetrics metrics = new IsolatedMetrics();
    private LuceneVectorStore lucene;
    private JournaledTemporalMemory journal;
    private InMemoryGraphStore embeddedGraph;
    private VectorStore vectors;
    private GraphStore graph;
    private TemporalMemory memory;
    private DefaultIngestionService ingestion;

    @BeforeEach
    void open() {
        lucene = new LuceneVectorStore(directory.resolve("lucene"), "hash", 8);
        journal = new JournaledTemporalMemory(directory.resolve("memory/facts.jsonl"));
        embeddedGraph = new InMemoryGraphStore();
        vectors = failingOn(VectorStore.class, lucene);
        graph = failingOn(GraphStore.class, embeddedGraph);
        memory = failingOn(TemporalMemory.class, journal);
        ingestion = new DefaultIngestionService(new HashEmbeddingModel(), vectors, graph, memory, new EntityExtractor(), Clock.systemUTC(), metrics.metrics(), 800, 100, 400);
    }

    @AfterEach
    void close() throws Exception {
        lucene.close();
        journal.close();
    }

    /** The port, with a method that throws as a failed disk or server would while its name is in {@link #failing}. */
    private <T> T failingOn(Class<T> port, T real) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            if (failing.contains(method.getName())) {
                throw new AegisException(ErrorType.DATABASE_ERROR, method.getName() + " failed");
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private void assertNothingStored() {
        assertThat(lucene.list(0, 10).total()).isZero();
        assertThat(lucene.chunkCount()).isZero();
        assertThat(lucene.searchByKeywords("Lettuce Redis", 5)).isEmpty();
        assertThat(embeddedGraph.entityCount()).isZero();
        assertThat(embeddedGraph.relationCount()).isZero();
        assertThat(journal.episodes(MemoryScope.ALL)).isEmpty();
        assertThat(journal.count(FactType.EPISODIC) + journal.count(FactType.ENTITY)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"recordEpisode", "add", "addDocument"})
    void should_leave_no_trace_in_any_store_when_a_write_fails(String write) {
        failing.add(write);

        assertThatThrownBy(() -> ingestion.ingest(DOCUMENT)).isInstanceOf(AegisException.class);

        assertNothingStored();
        failing.clear();
        IngestionResult stored = ingestion.ingest(DOCUMENT);
        assertThat(lucene.list(0, 10).total()).isEqualTo(1);
        assertThat(embeddedGraph.relationCount()).isEqualTo(stored.relations());
        assertThat(journal.episodes(MemoryScope.ALL)).containsExactly(stored.documentId());
    }

    @Test
    void should_count_the_document_its_chunks_and_the_time_of_each_stage() {
        PrometheusScrape before = metrics.scrape();

        IngestionResult stored = ingestion.ingest(DOCUMENT);
        failing.add("add");
        assertThatThrownBy(() -> ingestion.ingest(DOCUMENT)).isInstanceOf(AegisException.class);

        PrometheusScrape after = metrics.scrape();
        assertThat(stored.stages()).containsOnlyKeys(IngestionStage.CHUNK, IngestionStage.EMBED, IngestionStage.EXTRACT, IngestionStage.INDEX);
        assertThat(after.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "ingested"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_ingestion_chunks_total", Map.of())).isEqualTo(stored.chunks());
        assertThat(after.increaseSince(before, "aegis_ingestion_stage_seconds_count", Map.of("stage", "embed"))).isEqualTo(1);
    }

    @Test
    void should_embed_the_name_of_each_entity_it_extracts() {
        ingestion.ingest(DOCUMENT);

        assertThat(embeddedGraph.similarEntities(new HashEmbeddingModel().embed("Lettuce"), 10))
                .filteredOn(similar -> similar.similarity() > 0.99).extracting(EntitySimilarity::entityId).contains("lettuce");
    }

    @Test
    void should_extract_the_graph_on_the_extraction_executor_while_the_chunks_are_embedded() throws Exception {
        CountDownLatch embedding = new CountDownLatch(1);
        AtomicBoolean extractedWhileEmbedding = new AtomicBoolean();
        EmbeddingModel signalling = new EmbeddingModel() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                embedding.countDown();
                return new HashEmbeddingModel().embedAll(texts);
            }

            @Override
            public int dimension() {
                return new HashEmbeddingModel().dimension();
            }

            @Override
            public String serviceName() {
                return "hash";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }
        };
        GraphExtractor waitingForTheEmbedding = new GraphExtractor() {
            @Override
            public Extraction extract(List<Chunk> chunks) {
                try {
                    extractedWhileEmbedding.set(embedding.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new EntityExtractor().extract(chunks);
            }

            @Override
            public String name() {
                return "rules";
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            IngestionResult stored = new DefaultIngestionService(signalling, vectors, graph, memory, waitingForTheEmbedding, Clock.systemUTC(),
                    metrics.metrics(), executor, 800, 100, 400).ingest(DOCUMENT);

            assertThat(extractedWhileEmbedding).isTrue();
            assertThat(stored.entities()).isPositive();
            assertThat(embeddedGraph.relationCount()).isEqualTo(stored.relations());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void should_fail_with_the_extractions_own_error_and_store_nothing_when_it_fails_on_the_executor() {
        GraphExtractor failingExtractor = new GraphExtractor() {
            @Override
            public Extraction extract(List<Chunk> chunks) {
                throw new AegisException(ErrorType.LLM_ERROR, "the extractor is down");
            }

            @Override
            public String name() {
                return "llm";
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            DefaultIngestionService failing = new DefaultIngestionService(new HashEmbeddingModel(), vectors, graph, memory, failingExtractor,
                    Clock.systemUTC(), metrics.metrics(), executor, 800, 100, 400);

            assertThatThrownBy(() -> failing.ingest(DOCUMENT)).isInstanceOf(AegisException.class).hasMessage("the extractor is down");
            assertNothingStored();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void should_repair_at_start_up_what_a_failed_undo_left() {
        failing.addAll(List.of("add", "forgetEpisode"));

        assertThatThrownBy(() -> ingestion.ingest(DOCUMENT)).isInstanceOf(AegisException.class);
        assertThat(journal.episodes(MemoryScope.ALL)).hasSize(1);
        failing.clear();
        new StoreReconciliation(vectors, graph, memory, new EntityExtractor(), new HashEmbeddingModel()).reconcile();

        assertNothingStored();
    }

    @Test
    void should_forget_a_deleted_documents_graph_mentions_and_memory() {
        IngestionResult stored = ingestion.ingest(DOCUMENT);

        ingestion.delete(stored.documentId());

        assertNothingStored();
    }

    @Test
    void should_delete_the_document_even_when_memory_cannot_forget_it_until_the_next_start() {
        IngestionResult stored = ingestion.ingest(DOCUMENT);
        failing.add("forgetEpisode");

        ingestion.delete(stored.documentId());

        assertThat(lucene.list(0, 10).total()).isZero();
        failing.clear();
        new StoreReconciliation(vectors, graph, memory, new EntityExtractor(), new HashEmbeddingModel()).reconcile();
        assertNothingStored();
    }

    private DefaultIngestionService reopenWithAnotherModel() throws Exception {
        lucene.close();
        lucene = new LuceneVectorStore(directory.resolve("lucene"), "hash-2", 8, 100, true);
        return new DefaultIngestionService(new HashEmbeddingModel("hash-2"), failingOn(VectorStore.class, lucene), graph, memory, new EntityExtractor(),
                Clock.systemUTC(), metrics.metrics(), 800, 100, 400);
    }

    @Test
    void should_index_every_document_again_with_another_model_keeping_each_document_as_it_was() throws Exception {
        IngestionResult redis = ingestion.ingest(DOCUMENT);
        IngestionResult search = ingestion.ingest(new DocumentRequest("Lucene", "lucene.md", "# Search\n\nLucene ranks keywords with BM25.", null));
        Document before = lucene.find(new DocumentId(redis.documentId())).orElseThrow();
        long relations = embeddedGraph.relationCount();

        DefaultIngestionService reopened = reopenWithAnotherModel();
        assertThat(lucene.needsReindex()).isTrue();

        assertThat(reopened.reindex()).isEqualTo(2);

        assertThat(lucene.needsReindex()).isFalse();
        assertThat(lucene.find(before.id())).contains(before);
        assertThat(lucene.chunkCount()).isEqualTo(redis.chunks() + search.chunks());
        assertThat(lucene.searchByKeywords("Lettuce", 5)).extracting(hit -> hit.chunk().documentId()).containsExactly(before.id());
        assertThat(embeddedGraph.relationCount()).isEqualTo(relations);
        assertThat(journal.episodes(MemoryScope.ALL)).containsExactlyInAnyOrder(redis.documentId(), search.documentId());
        lucene.close();
        lucene = new LuceneVectorStore(directory.resolve("lucene"), "hash-2", 8);
        assertThat(lucene.needsReindex()).isFalse();
    }

    @Test
    void should_stay_stale_and_lose_nothing_when_a_reindex_fails_so_that_the_next_start_finishes_it() throws Exception {
        IngestionResult redis = ingestion.ingest(DOCUMENT);
        DefaultIngestionService reopened = reopenWithAnotherModel();
        failing.add("addDocument");

        assertThatThrownBy(reopened::reindex).isInstanceOf(AegisException.class);

        assertThat(lucene.needsReindex()).isTrue();
        assertThat(lucene.find(new DocumentId(redis.documentId()))).isPresent();
        failing.clear();
        assertThat(reopened.reindex()).isEqualTo(1);
        assertThat(lucene.needsReindex()).isFalse();
        assertThat(journal.episodes(MemoryScope.ALL)).containsExactly(redis.documentId());
    }
}
