package io.aegisrag.coordinator.startup;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.coordinator.ingest.ExtractionExecutor;
import io.aegisrag.coordinator.jobs.JobExecutor;
import io.aegisrag.retrieval.graph.CommunitiesExecutor;
import io.aegisrag.retrieval.search.RetrievalExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the retrievers on a fixed pool of their own, of Liberty's managed threads. They used to share
 * Liberty's default executor with the request threads that wait for them: when the concurrency of
 * the load rose, waiting requests held the threads their retrievers needed, until Liberty grew the
 * pool seconds later (bench/results/rest-load.md). Its queue is bounded: when it is full, a query's
 * retrievers are refused at once instead of waiting behind work that would overrun its timeout.
 * The communities are computed again, saved and summarised by one managed thread of their own, which
 * keeps at most one piece of work waiting (there is never more than one). Bulk ingestion
 * jobs run on {@code aegis.ingestion.concurrency} threads of their own; the jobs waiting for one are
 * on disk already, so their queue is not bounded. A document's graph is extracted on one of a pool of a
 * thread per core while its ingestion's own thread embeds its chunks; each ingestion waits for its own
 * extraction, so that queue is bounded by the ingestions running.
 */
@ApplicationScoped
public class ExecutorProducer {

    private static final int QUEUED_PER_THREAD = 32;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threadFactory;

    @Produces
    @ApplicationScoped
    @RetrievalExecutor
    ExecutorService retrievalExecutor(@ConfigProperty(name = ConfigKeys.RETRIEVAL_THREADS, defaultValue = "8") int threads) {
        return pool(ConfigKeys.RETRIEVAL_THREADS, threads, new ArrayBlockingQueue<>(Math.max(1, threads) * QUEUED_PER_THREAD));
    }

    @Produces
    @ApplicationScoped
    @CommunitiesExecutor
    ExecutorService communitiesExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), threadFactory,
                new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    @Produces
    @ApplicationScoped
    @JobExecutor
    ExecutorService jobExecutor(@ConfigProperty(name = ConfigKeys.INGESTION_CONCURRENCY, defaultValue = "1") int concurrency) {
        return pool(ConfigKeys.INGESTION_CONCURRENCY, concurrency, new LinkedBlockingQueue<>());
    }

    @Produces
    @ApplicationScoped
    @ExtractionExecutor
    ExecutorService extractionExecutor() {
        return pool("extraction", Runtime.getRuntime().availableProcessors(), new LinkedBlockingQueue<>());
    }

    /** A fixed pool of {@code threads} managed threads, the number read from {@code key}. */
    private ExecutorService pool(String key, int threads, BlockingQueue<Runnable> queue) {
        if (threads < 1) {
            throw new IllegalStateException(key + " must be at least 1, got " + threads);
        }
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue, threadFactory);
    }

    void shutDown(@Disposes @RetrievalExecutor ExecutorService executor) {
        executor.shutdownNow();
    }

    void shutDownSummaries(@Disposes @CommunitiesExecutor ExecutorService executor) {
        executor.shutdownNow();
    }

    void shutDownExtraction(@Disposes @ExtractionExecutor ExecutorService executor) {
        executor.shutdownNow();
    }

    void shutDownJobs(@Disposes @JobExecutor ExecutorService executor) {
        executor.shutdownNow();
    }
}
