package io.aegisrag.retrieval.search;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.metrics.ErrorClassifier;
import io.aegisrag.observability.tracing.StageTracer;
import io.aegisrag.retrieval.fusion.Fusion;
import io.aegisrag.retrieval.fusion.RetrieverWeights;
import io.aegisrag.retrieval.rerank.Reranking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every retriever the intent weighs, in parallel, and fuses their rankings with the weights of
 * the intent ({@code aegis.retrieval.fusion}: normalised scores or reciprocal ranks), then reranks the
 * fused top candidates ({@code aegis.retrieval.rerank}); the question is embedded once, for all of them.
 * When the vector retriever runs, the question is embedded first, alone, before the retrievers are
 * handed out: on two cores, retrievers running beside the in-process model's threads slowed it by more
 * than they gained (bench/results/retrieval-embed-first.md). The embedding is waited for at most the
 * timeout; a model that fails or overruns it leaves the retrievers that need the embedding failed (or
 * waiting for it), the others answering. A retriever that fails or overruns the timeout, counted from
 * when the retrievers are handed out, is counted as an error and left out of the fusion; the query
 * fails only when every retriever did.
 */
@ApplicationScoped
public class HybridRetriever {

    private static final Logger LOG = Logger.getLogger(HybridRetriever.class.getName());

    private final List<ChunkRetriever> retrievers;
    private final boolean vectorRetrieverPresent;
    private final EmbeddingModel embeddings;
    private final ExecutorService executor;
    private final AegisMetrics metrics;
    private final StageTracer tracer;
    private final Fusion fusion;
    private final Reranking reranking;
    private final int candidates;
    private final long timeoutMillis;

    @Inject
    public HybridRetriever(Instance<ChunkRetriever> retrievers, EmbeddingModel embeddings, @RetrievalExecutor ExecutorService executor,
                           AegisMetrics metrics, StageTracer tracer, Reranking reranking,
                           @ConfigProperty(name = ConfigKeys.RETRIEVAL_FUSION, defaultValue = "scores") String fusion,
                           @ConfigProperty(name = ConfigKeys.RETRIEVAL_CANDIDATES, defaultValue = "80") int candidates,
                           @ConfigProperty(name = ConfigKeys.RETRIEVAL_TIMEOUT_MS, defaultValue = "10000") long timeoutMillis) {
        this(retrievers == null ? List.of() : retrievers.stream().toList(), embeddings, executor, metrics, tracer, Fusion.named(fusion),
                reranking, candidates, timeoutMillis);
    }

    public HybridRetriever(List<ChunkRetriever> retrievers, EmbeddingModel embeddings, ExecutorService executor, AegisMetrics metrics,
                           StageTracer tracer, Fusion fusion, Reranking reranking, int candidates, long timeoutMillis) {
        this.retrievers = retrievers;
        this.vectorRetrieverPresent = retrievers.stream().anyMatch(retriever -> retriever.kind() == Retriever.VECTOR);
        this.fusion = fusion;
        this.reranking = reranking;
        this.embeddings = embeddings;
        this.executor = executor;
        this.metrics = metrics;
        this.tracer = tracer;
        this.candidates = candidates;
        this.timeoutMillis = timeoutMillis;
    }

    protected HybridRetriever() {
        this(List.of(), null, null, null, null, null, null, 0, 0);
    }

    /** The {@code topK} best contexts for {@code query}, fused with the weights of {@code intent}, from every group of memory. */
    public List<Context> retrieve(String query, Intent intent, int topK) {
        return retrieve(query, intent, topK, Set.of(), MemoryScope.ALL);
    }

    /**
     * The {@code topK} best contexts for {@code query} from the retrievers in {@code only} (all that
     * the intent weighs when empty), fused with the weights of {@code intent}; a retriever named in
     * {@code only} that the intent does not weigh counts 1. Memory is read in the groups of {@code memory} only.
     */
    public List<Context> retrieve(String query, Intent intent, int topK, Set<Retriever> only, MemoryScope memory) {
        Map<Retriever, Double> weights = weights(intent, only);
        int fused = reranking.candidates(topK);
        int limit = Math.max(candidates, fused * 2);
        Question question = new Question(query, embeddings, memory);
        if (vectorRetrieverPresent && weights.getOrDefault(Retriever.VECTOR, 0.0) > 0) {
            embedFirst(question);
        }
        Map<Retriever, Future<List<ChunkHit>>> running = new EnumMap<>(Retriever.class);
        AegisException refused = null;
        for (ChunkRetriever retriever : retrievers) {
            if (weights.getOrDefault(retriever.kind(), 0.0) > 0) {
                try {
                    running.put(retriever.kind(), executor.submit(tracer.inCurrentTrace(() -> retriever.retrieve(question, limit))));
                } catch (RejectedExecutionException e) {
                    refused = new AegisException(ErrorType.TIMEOUT, "the retrievers' queue is full: " + retriever.kind().label()
                            + " retrieval was refused", e);
                    metrics.trackError(refused);
                }
            }
        }
        Map<Retriever, List<ChunkHit>> rankings = new EnumMap<>(Retriever.class);
        AegisException lastFailure = refused;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Map.Entry<Retriever, Future<List<ChunkHit>>> entry : running.entrySet()) {
            try {
                rankings.put(entry.getKey(), entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                entry.getValue().cancel(true);
                lastFailure = new AegisException(ErrorType.TIMEOUT, entry.getKey().label() + " retrieval took longer than " + timeoutMillis + " ms", e);
                metrics.trackError(lastFailure);
            } catch (ExecutionException e) {
                lastFailure = new AegisException(ErrorClassifier.classify(e.getCause()),
                        entry.getKey().label() + " retrieval failed: " + e.getCause().getMessage(), e.getCause());
                metrics.trackError(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AegisException(ErrorType.INTERNAL_ERROR, "retrieval was interrupted", e);
            }
            if (!rankings.containsKey(entry.getKey())) {
                LOG.log(Level.WARNING, "leaving {0} out of the fusion: {1}", new Object[]{entry.getKey(), lastFailure.getMessage()});
            }
        }
        if (rankings.isEmpty() && lastFailure != null) {
            throw lastFailure;
        }
        List<Context> best = fusion.fuse(rankings, weights, fused);
        return reranking.enabled() ? reranking.rerank(query, best, topK) : best;
    }

    private void embedFirst(Question question) {
        try {
            executor.submit(tracer.inCurrentTrace(question::embedding)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | TimeoutException | ExecutionException e) {
            // the question keeps a failure: the retrievers that need the embedding fail with it, wait for it, or are refused too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AegisException(ErrorType.INTERNAL_ERROR, "retrieval was interrupted", e);
        }
    }

    private static Map<Retriever, Double> weights(Intent intent, Set<Retriever> only) {
        Map<Retriever, Double> ofIntent = RetrieverWeights.forIntent(intent);
        if (only.isEmpty()) {
            return ofIntent;
        }
        Map<Retriever, Double> weights = new EnumMap<>(Retriever.class);
        only.forEach(retriever -> weights.put(retriever, ofIntent.getOrDefault(retriever, 0.0) > 0 ? ofIntent.get(retriever) : 1.0));
        return weights;
    }
}
