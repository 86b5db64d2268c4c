package io.aegisrag.bench;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.fusion.Fusion;
import io.aegisrag.retrieval.fusion.NormalizedScoreFusion;
import io.aegisrag.retrieval.fusion.ReciprocalRankFusion;
import io.aegisrag.retrieval.fusion.RetrieverWeights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Fuses the rankings the retrievers gave once, again and again, with other fusions, weights and
 * candidate depths, to choose them by measurement: the rows of the report are the configurations,
 * best first. A cross-check chooses the best configuration on one half of the questions and
 * measures it on the other, to see whether the choice holds beyond the questions it was chosen on.
 */
final class FusionSweep {

    static final int MAX_CANDIDATES = 80;

    private static final int[] CANDIDATES = {10, 20, 40, 80};
    private static final int[] RRF_KS = {10, 30, 60};
    private static final double[] BM25_WEIGHTS = {0.3, 0.5, 0.7, 1.0};
    private static final double[] GRAPH_WEIGHTS = {0, 0.1, 0.3};
    private static final int SHOWN = 12;
    private static final String SHIPPED = "shipped: normalised scores, weights by intent, 80 candidates";

    /** One question and each retriever's ranking for it, {@link #MAX_CANDIDATES} deep. */
    record Asked(EvaluationQuestion question, Intent intent, Map<Retriever, List<ChunkHit>> rankings) {
    }

    private record Configuration(String name, Fusion fusion, int candidates, Function<Asked, Map<Retriever, Double>> weights) {
    }

    private FusionSweep() {
    }

    static void report(List<Asked> asked, Report report) {
        ceiling(asked, report);
        List<Configuration> configurations = configurations();
        sweep("all " + asked.size() + " questions", asked, configurations, report);
        Map<Intent, List<Asked>> byIntent = new EnumMap<>(Intent.class);
        asked.forEach(a -> byIntent.computeIfAbsent(a.intent(), i -> new ArrayList<>()).add(a));
        byIntent.forEach((intent, ofIntent) -> sweep("the " + ofIntent.size() + " questions of intent " + intent.label(), ofIntent,
                configurations, report));
        crossCheck(asked, configurations, report);
    }

    private static List<Configuration> configurations() {
        List<Configuration> configurations = new ArrayList<>();
        configurations.add(new Configuration(SHIPPED, new NormalizedScoreFusion(), MAX_CANDIDATES, a -> RetrieverWeights.forIntent(a.intent())));
        for (int perSection : new int[]{1, 2}) {
            configurations.add(new Configuration("shipped, at most " + perSection + " chunk(s) of a section before the others",
                    sectionCap(new NormalizedScoreFusion(), perSection), MAX_CANDIDATES, a -> RetrieverWeights.forIntent(a.intent())));
        }
        List<Map.Entry<String, Fusion>> fusions = new ArrayList<>();
        fusions.add(Map.entry("normalised scores", new NormalizedScoreFusion()));
        for (int k : RRF_KS) {
            fusions.add(Map.entry("RRF k " + k, new ReciprocalRankFusion(k)));
        }
        for (Map.Entry<String, Fusion> fusion : fusions) {
            for (int candidates : CANDIDATES) {
                configurations.add(new Configuration(fusion.getKey() + ", weights by intent, " + candidates + " candidates", fusion.getValue(),
                        candidates, a -> RetrieverWeights.forIntent(a.intent())));
                for (double bm25 : BM25_WEIGHTS) {
                    for (double graph : GRAPH_WEIGHTS) {
                        Map<Retriever, Double> weights = Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, bm25, Retriever.GRAPH, graph);
                        configurations.add(new Configuration(fusion.getKey() + ", vector 1, bm25 " + bm25 + ", graph " + graph + ", "
                                + candidates + " candidates", fusion.getValue(), candidates, a -> weights));
                    }
                }
            }
        }
        return configurations;
    }

    private static Fusion sectionCap(Fusion fusion, int perSection) {
        return (rankings, weights, topK) -> {
            List<Context> all = fusion.fuse(rankings, weights, 1000);
            Map<String, Integer> seen = new HashMap<>();
            List<Context> first = new ArrayList<>();
            List<Context> rest = new ArrayList<>();
            for (Context context : all) {
                String section = context.chunk().source() + "#" + context.chunk().section();
                (seen.merge(section, 1, Integer::sum) <= perSection ? first : rest).add(context);
            }
            first.addAll(rest);
            return first.subList(0, Math.min(topK, first.size()));
        };
    }

    /** How many passages any retriever found at each candidate depth: what no fusion or reranking of those candidates can exceed. */
    private static void ceiling(List<Asked> asked, Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (int candidates : CANDIDATES) {
            long found = asked.stream().filter(a -> a.rankings().values().stream()
                    .anyMatch(hits -> hits.stream().limit(candidates).anyMatch(hit -> a.question().isAnsweredBy(hit.chunk().text())))).count();
            rows.add(List.of(String.valueOf(candidates), QualityBenchmark.f((double) found / asked.size())));
        }
        report.paragraph("Share of the questions whose passage is among the candidates of at least one retriever, by candidates per retriever:");
        report.table(List.of("candidates per retriever", "share of questions"), rows);
    }

    private static void sweep(String which, List<Asked> asked, List<Configuration> configurations, Report report) {
        Map<String, RankingMetrics> shown = new LinkedHashMap<>();
        List<Map.Entry<Configuration, RankingMetrics>> ranked = ranked(asked, configurations);
        ranked.stream().limit(SHOWN).forEach(e -> shown.put(e.getKey().name(), e.getValue()));
        ranked.stream().filter(e -> e.getKey().name().startsWith("shipped") || e.getKey().name().startsWith("RRF k 60, weights by intent, 80"))
                .forEach(e -> shown.putIfAbsent(e.getKey().name(), e.getValue()));
        report.paragraph("Fusion sweep over " + which + ": the same rankings fused with " + configurations.size() + " configurations"
                + " (fusion, weights, candidates per retriever), the " + SHOWN + " best by MRR@10 then recall@5, then the shipped"
                + " configuration and its variants and reciprocal rank fusion with the shipped weights, if not among them:");
        report.table(QualityBenchmark.header("fusion, weights, candidates per retriever"), QualityBenchmark.rows(shown, name -> name));
    }

    private static void crossCheck(List<Asked> asked, List<Configuration> configurations, Report report) {
        List<Asked> odd = IntStream.range(0, asked.size()).filter(i -> i % 2 == 0).mapToObj(asked::get).toList();
        List<Asked> even = IntStream.range(0, asked.size()).filter(i -> i % 2 == 1).mapToObj(asked::get).toList();
        Map<String, RankingMetrics> rows = new LinkedHashMap<>();
        for (List<List<Asked>> halves : List.of(List.of(odd, even), List.of(even, odd))) {
            String chosenOn = halves.get(0) == odd ? "odd" : "even";
            String measuredOn = halves.get(0) == odd ? "even" : "odd";
            Configuration best = ranked(halves.get(0), configurations).get(0).getKey();
            rows.put("best on the " + chosenOn + " questions (" + best.name() + "), measured on the " + measuredOn, measure(halves.get(1), best));
            rows.put("shipped, measured on the " + measuredOn, measure(halves.get(1), configurations.get(0)));
        }
        report.paragraph("Cross-check: the best configuration of one half of the questions (odd or even numbered), measured on the other half,"
                + " beside the shipped configuration on that half:");
        report.table(QualityBenchmark.header("configuration"), QualityBenchmark.rows(rows, name -> name));
    }

    private static List<Map.Entry<Configuration, RankingMetrics>> ranked(List<Asked> asked, List<Configuration> configurations) {
        List<Map.Entry<Configuration, RankingMetrics>> results = new ArrayList<>();
        configurations.forEach(configuration -> results.add(Map.entry(configuration, measure(asked, configuration))));
        results.sort(Comparator.comparingDouble((Map.Entry<Configuration, RankingMetrics> e) -> -e.getValue().scores().mrrAt10())
                .thenComparingDouble(e -> -e.getValue().scores().recallAt5()));
        return results;
    }

    private static RankingMetrics measure(List<Asked> asked, Configuration configuration) {
        RankingMetrics metrics = new RankingMetrics();
        for (Asked a : asked) {
            Map<Retriever, List<ChunkHit>> truncated = new EnumMap<>(Retriever.class);
            a.rankings().forEach((retriever, hits) -> truncated.put(retriever, hits.subList(0, Math.min(configuration.candidates(), hits.size()))));
            List<Context> fused = configuration.fusion().fuse(truncated, configuration.weights().apply(a), 10);
            metrics.add(fused.stream().map(context -> a.question().isAnsweredBy(context.chunk().text())).toList());
        }
        return metrics;
    }
}
