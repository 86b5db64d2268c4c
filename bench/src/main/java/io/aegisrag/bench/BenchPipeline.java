package io.aegisrag.bench;

import io.aegisrag.coordinator.ingest.DefaultIngestionService;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.search.ChunkRetriever;
import io.aegisrag.retrieval.search.HybridRetriever;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service's embedded stores, ingestion and retrieval in one process, over a temporary data
 * directory that closing deletes: what the quality benchmarks ingest a corpus into and question.
 */
final class BenchPipeline implements AutoCloseable {

    final EmbeddingModel embeddings;
    final LuceneVectorStore store;
    final InMemoryGraphStore graph = new InMemoryGraphStore();
    final InMemoryTemporalMemory memory = new InMemoryTemporalMemory();
    private final Path data;
    private final ExecutorService executor = Executors.newFixedThreadPool(3);

    BenchPipeline(String embeddingProvider) throws IOException {
        this.data = Files.createTempDirectory("aegis-bench");
        this.embeddings = BenchEmbeddings.named(embeddingProvider);
        this.store = new LuceneVectorStore(data, embeddings.serviceName(), embeddings.dimension());
    }

    DefaultIngestionService ingestion() {
        return QualityBenchmark.ingestionService(embeddings, store, graph, memory);
    }

    List<ChunkRetriever> retrievers() {
        return QualityBenchmark.retrievers(embeddings, store, graph, memory);
    }

    /** The service's fusion of every retriever, reranked by {@code reranker}. */
    HybridRetriever hybrid(Reranker reranker) {
        return QualityBenchmark.hybrid(retrievers(), embeddings, executor, reranker);
    }

    @Override
    public void close() throws IOException {
        executor.shutdownNow();
        store.close();
        QualityBenchmark.deleteRecursively(data);
    }
}
