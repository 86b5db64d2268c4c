package io.aegisrag.bench;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.fusion.ReciprocalRankFusion;
import io.aegisrag.retrieval.fusion.RetrieverWeights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fuses the rankings the retrievers gave once, again and again, with other weights and candidate
 * depths, to choose both by measurement: the rows of the report are the configurations, best first.
 */
final class FusionSweep {

    static final int MAX_CANDIDATES = 80;

    private static final int[] CANDIDATES = {10, 20, 40, 80};
    private static final int[] RRF_KS = {10, 30, 60};
    private static final double[] BM25_WEIGHTS = {0.3, 0.5, 0.7, 1.0};
    private static final double[] GRAPH_WEIGHTS = {0, 0.1, 0.3};
    private static final int SHOWN = 12;

    /** One question and each retriever's ranking for it, {@link #MAX_CANDIDATES} deep. */
    record Asked(EvaluationQuestion question, Intent intent, Map<Retriever, List<ChunkHit>> rankings) {
    }

    private FusionSweep() {
    }

    static void report(List<Asked> asked, Report report) {
        sweep("all " + asked.size() + " questions", asked, report);
        Map<Intent, List<Asked>> byIntent = new EnumMap<>(Intent.class);
        asked.forEach(a -> byIntent.computeIfAbsent(a.intent(), i -> new ArrayList<>()).add(a));
        byIntent.forEach((intent, ofIntent) -> sweep("the " + ofIntent.size() + " questions of intent " + intent.label(), ofIntent, report));
    }

    private static void sweep(String which, List<Asked> asked, Report report) {
        Map<String, RankingMetrics> results = new LinkedHashMap<>();
        for (int k : RRF_KS) {
            ReciprocalRankFusion fusion = new ReciprocalRankFusion(k);
            for (int candidates : CANDIDATES) {
                results.put("shipped weights by intent, " + candidates + " candidates, k " + k,
                        measure(asked, fusion, candidates, a -> RetrieverWeights.forIntent(a.intent())));
                for (double bm25 : BM25_WEIGHTS) {
                    for (double graph : GRAPH_WEIGHTS) {
                        Map<Retriever, Double> weights = Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, bm25, Retriever.GRAPH, graph);
                        results.put("vector 1, bm25 " + bm25 + ", graph " + graph + ", " + candidates + " candidates, k " + k,
                                measure(asked, fusion, candidates, a -> weights));
                    }
                }
            }
        }
        List<Map.Entry<String, RankingMetrics>> best = new ArrayList<>(results.entrySet());
        best.sort(Comparator.comparingDouble((Map.Entry<String, RankingMetrics> e) -> -e.getValue().scores().mrrAt10())
                .thenComparingDouble(e -> -e.getValue().scores().recallAt5()));
        Map<String, RankingMetrics> shown = new LinkedHashMap<>();
        best.stream().limit(SHOWN).forEach(e -> shown.put(e.getKey(), e.getValue()));
        report.paragraph("Fusion sweep over " + which + ": the same rankings fused with " + results.size() + " configurations"
                + " (weights, candidates per retriever, RRF constant k), the " + SHOWN + " best by MRR@10 then recall@5:");
        report.table(QualityBenchmark.header("weights, candidates per retriever, k"), QualityBenchmark.rows(shown, name -> name));
    }

    private static RankingMetrics measure(List<Asked> asked, ReciprocalRankFusion fusion, int candidates,
                                          Function<Asked, Map<Retriever, Double>> weights) {
        RankingMetrics metrics = new RankingMetrics();
        for (Asked a : asked) {
            Map<Retriever, List<ChunkHit>> truncated = new EnumMap<>(Retriever.class);
            a.rankings().forEach((retriever, hits) -> truncated.put(retriever, hits.subList(0, Math.min(candidates, hits.size()))));
            List<Context> fused = fusion.fuse(truncated, weights.apply(a), 10);
            metrics.add(fused.stream().map(context -> a.question().isAnsweredBy(context.chunk().text())).toList());
        }
        return metrics;
    }
}
