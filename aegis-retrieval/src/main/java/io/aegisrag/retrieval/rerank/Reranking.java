package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;
import io.aegisrag.observability.interceptor.TrackedStage;
import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The reranking step of a query: the configured {@link Reranker} scores the fused top
 * {@code aegis.retrieval.rerank.depth} candidates (40 by default) and the best {@code topK} are kept
 * in its order, each with its reranked rank and score. When the reranker fails (a server that is
 * down or slow, a reply that is no ranking) the fused order stands, and the failure is counted in
 * {@code aegis_rerank_fallbacks_total{reranker}} and {@code aegis_errors_total}.
 */
@ApplicationScoped
public class Reranking {

    /** The value of {@code aegis.retrieval.rerank} that turns reranking off. */
    public static final String NONE = "none";

    private static final Logger LOG = Logger.getLogger(Reranking.class.getName());

    private final Reranker reranker;
    private final int depth;
    private final AegisMetrics metrics;

    @Inject
    public Reranking(Reranker reranker, @ConfigProperty(name = ConfigKeys.RETRIEVAL_RERANK_DEPTH, defaultValue = "40") int depth,
                     AegisMetrics metrics) {
        if (depth < 1) {
            throw new IllegalStateException(ConfigKeys.RETRIEVAL_RERANK_DEPTH + " must be at least 1, got " + depth);
        }
        this.reranker = reranker;
        this.depth = depth;
        this.metrics = metrics;
    }

    protected Reranking() {
        this.reranker = null;
        this.depth = 0;
        this.metrics = null;
    }

    /** The fused order kept as it is: what {@code aegis.retrieval.rerank=none} configures. */
    public static Reranker fusedOrder() {
        return new Reranker() {
            @Override
            public String name() {
                return NONE;
            }

            @Override
            public double[] scores(String question, List<Context> candidates) {
                return IntStream.range(0, candidates.size()).mapToDouble(i -> -i).toArray();
            }
        };
    }

    /** At start-up, registers the configured reranker's fallback series, so it reads zero before the first failure. */
    void registerFallbackSeries(@Observes Startup startup) {
        if (enabled()) {
            metrics.registerReranker(reranker.name());
        }
    }

    /** Whether a reranker other than the fused order is configured. */
    public boolean enabled() {
        return !NONE.equals(reranker.name());
    }

    /** How many fused candidates a query of {@code topK} contexts needs: the reranking depth, or just {@code topK} without reranking. */
    public int candidates(int topK) {
        return enabled() ? Math.max(depth, topK) : topK;
    }

    /** The best {@code topK} of {@code fused} in the reranker's order, or in the fused order when the reranker fails. */
    @TrackedStage("rerank")
    public List<Context> rerank(String question, List<Context> fused, int topK) {
        List<Context> candidates = fused.subList(0, Math.min(fused.size(), candidates(topK)));
        if (candidates.isEmpty()) {
            return List.of();
        }
        double[] scores;
        try {
            scores = reranker.scores(question, candidates);
            if (scores.length != candidates.size()) {
                throw new IllegalStateException("the reranker scored " + scores.length + " of " + candidates.size() + " candidates");
            }
        } catch (RuntimeException e) {
            LOG.warning("the " + reranker.name() + " reranker failed, the fused order stands: " + e.getMessage());
            metrics.trackError(e);
            metrics.trackRerankFallback(reranker.name());
            return List.copyOf(fused.subList(0, Math.min(fused.size(), topK)));
        }
        List<Integer> order = IntStream.range(0, candidates.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i)).toList();
        List<Context> reranked = new ArrayList<>(Math.min(topK, order.size()));
        for (int rank = 0; rank < Math.min(topK, order.size()); rank++) {
            int i = order.get(rank);
            reranked.add(candidates.get(i).reranked(rank + 1, scores[i]));
        }
        return reranked;
    }
}
