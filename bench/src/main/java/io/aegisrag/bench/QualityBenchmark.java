package io.aegisrag.bench;

import io.aegisrag.coordinator.ingest.DefaultIngestionService;
import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.query.IntentClassifier;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.tracing.NoopStageTracer;
import io.aegisrag.retrieval.evaluation.EvaluationCorpus;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.fusion.Fusion;
import io.aegisrag.retrieval.graph.Communities;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.rerank.LtrReranker;
import io.aegisrag.retrieval.rerank.Reranking;
import io.aegisrag.retrieval.search.ChunkRetriever;
import io.aegisrag.retrieval.search.GlobalGraphRetriever;
import io.aegisrag.retrieval.search.GraphRetriever;
import io.aegisrag.retrieval.search.HybridRetriever;
import io.aegisrag.retrieval.search.KeywordRetriever;
import io.aegisrag.retrieval.search.MemoryRetriever;
import io.aegisrag.retrieval.search.Question;
import io.aegisrag.retrieval.search.VectorRetriever;
import org.eclipse.microprofile.metrics.MetricRegistry;
import io.smallrye.metrics.SharedMetricRegistries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Retrieval quality on the project's question set (bench/quality): ingests the corpus through the
 * service's own ingestion, asks every question of each retriever alone and of the fusion, and reports
 * recall@1/5/10, MRR@10 and nDCG@10 overall and per intent, the fused retrieval's p50/p95 and the
 * ingestion rate, for each embedding model named on the command line.
 */
public final class QualityBenchmark {

    private static final int DEPTH = 10;
    private static final int RERANK_DEPTH = 40;
    private static final List<String> METRIC_HEADER = List.of("recall@1", "recall@5", "recall@10", "MRR@10", "nDCG@10");

    private QualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("quality.corpus", "bench/quality/corpus"));
        List<EvaluationQuestion> questions = EvaluationQuestion.read(Path.of(System.getProperty("quality.questions", "bench/quality/questions.tsv")));
        List<String> providers = args.length == 0 ? List.of("minilm", "minilm-q", "bge-small", "bge-small-q", "e5-small-q") : Arrays.asList(args);
        String options = System.getProperty("quality.corpus") == null ? ""
                : "BENCH_JAVA_OPTS=\"-Dquality.corpus=" + corpus + " -Dquality.questions=" + System.getProperty("quality.questions") + "\" ";
        Report report = new Report("Retrieval quality on " + (options.isEmpty() ? "the project's question set" : "the questions of " + System.getProperty("quality.questions")),
                options + "bench/run.sh quality " + String.join(" ", providers));
        report.paragraph("Corpus: " + corpus + " (" + EvaluationCorpus.read(corpus).size() + " Markdown documents" + (options.isEmpty() ? ", sources and licences in bench/quality/SOURCES.md" : "") + "); "
                + questions.size() + " questions, each answered by one quoted passage (" + System.getProperty("quality.questions", "bench/quality/questions.tsv") + "). A result answers"
                + " a question when its chunk contains the passage. recall@k: share of questions answered within the first k results;"
                + " MRR@10: mean reciprocal rank of the first answer (0 past 10); nDCG@10: one relevant item, the passage, 1 / log2(1 + rank of its first copy). Latency: the fused"
                + " retrieval in process (embedding of the question included, generation excluded). \"fusion + ltr\": the fused top 40 reranked by the"
                + " learned ranking the service ships, whose training included these questions (bench/results/rerank-ltr.md measures it on corpora it"
                + " was not trained on).");
        for (String provider : providers) {
            evaluate(provider, corpus, questions, report);
        }
        report.writeTo(System.getProperty("quality.report", "quality.md"));
        System.exit(0);
    }

    private static void evaluate(String provider, Path corpus, List<EvaluationQuestion> questions, Report report) throws IOException {
        try (BenchPipeline pipeline = new BenchPipeline(provider)) {
            EmbeddingModel embeddings = pipeline.embeddings;
            LuceneVectorStore store = pipeline.store;
            var ingestion = pipeline.ingestion();
            long start = System.nanoTime();
            List<DocumentId> ids = new ArrayList<>();
            for (EvaluationCorpus.CorpusDocument document : EvaluationCorpus.read(corpus)) {
                ids.add(new DocumentId(ingestion.ingest(new DocumentRequest(document.title(), document.path(), document.text(), Map.of()))
                        .documentId()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Chunk> chunks = ids.stream().flatMap(id -> store.chunksOf(id).stream()).toList();

            List<ChunkRetriever> retrievers = pipeline.retrievers();
            HybridRetriever hybrid = pipeline.hybrid(Reranking.fusedOrder());
            HybridRetriever reranked = pipeline.hybrid(LtrReranker.shipped());
            IntentClassifier classifier = new IntentClassifier();
            Map<String, RankingMetrics> overall = new LinkedHashMap<>();
            Map<Intent, Map<String, RankingMetrics>> byIntent = new TreeMap<>();
            List<Double> latencies = new ArrayList<>();
            List<String> unanswerable = new ArrayList<>();
            List<List<String>> misses = new ArrayList<>();
            List<FusionSweep.Asked> asked = new ArrayList<>();
            for (EvaluationQuestion question : questions) {
                if (chunks.stream().noneMatch(chunk -> question.isAnsweredBy(chunk.text()))) {
                    unanswerable.add(question.document() + ": " + question.passage());
                    continue;
                }
                Intent intent = classifier.classify(question.question());
                Map<String, List<Chunk>> rankings = new LinkedHashMap<>();
                long askedAt = System.nanoTime();
                rankings.put("fusion", hybrid.retrieve(question.question(), intent, DEPTH).stream().map(Context::chunk).toList());
                latencies.add((System.nanoTime() - askedAt) / 1e6);
                rankings.put("fusion + ltr", reranked.retrieve(question.question(), intent, DEPTH).stream().map(Context::chunk).toList());
                Map<Retriever, List<ChunkHit>> deep = new EnumMap<>(Retriever.class);
                for (ChunkRetriever retriever : retrievers) {
                    deep.put(retriever.kind(), retriever.retrieve(new Question(question.question(), embeddings), FusionSweep.MAX_CANDIDATES));
                    rankings.put(retriever.kind().label(), deep.get(retriever.kind()).stream().limit(DEPTH).map(ChunkHit::chunk).toList());
                }
                asked.add(new FusionSweep.Asked(question, intent, deep));
                List<Chunk> fused = rankings.get("fusion");
                if (fused.stream().limit(5).noneMatch(chunk -> question.isAnsweredBy(chunk.text()))) {
                    misses.add(List.of(question.question(), intent.label(), rankOfAnswer(rankings, question),
                            fused.isEmpty() ? "" : fused.get(0).source() + " / " + fused.get(0).section()));
                }
                rankings.forEach((name, ranking) -> {
                    List<Boolean> answers = ranking.stream().map(chunk -> question.isAnsweredBy(chunk.text())).toList();
                    overall.computeIfAbsent(name, n -> new RankingMetrics()).add(answers);
                    byIntent.computeIfAbsent(intent, i -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new RankingMetrics())
                            .add(answers);
                });
            }
            if (!unanswerable.isEmpty()) {
                throw new IllegalStateException("no chunk contains the passage of " + unanswerable);
            }
            report.paragraph("## Embedding model `" + provider + "`\n\nIngestion: " + ids.size() + " documents, " + chunks.size()
                    + " chunks in " + Report.format(seconds) + " s (" + Report.format(chunks.size() / seconds) + " chunks/s, chunking,"
                    + " embedding, indexing and entity extraction). Fused retrieval latency over " + latencies.size()
                    + " questions: p50 " + Report.format(percentile(latencies, 0.5)) + " ms, p95 " + Report.format(percentile(latencies, 0.95)) + " ms.");
            report.table(header("retriever"), rows(overall, Function.identity()));
            List<List<String>> intentRows = new ArrayList<>();
            byIntent.forEach((intent, metrics) -> intentRows.addAll(rows(metrics, name -> intent.label() + " / " + name)));
            report.table(header("intent / retriever"), intentRows);
            FusionSweep.report(asked, report);
            report.paragraph("Questions whose passage is not in the fused top 5 (" + misses.size() + "):");
            report.table(List.of("question", "intent", "rank of the answer by retriever (- past 10)", "fused first result"), misses);
        }
    }

    /** Every retriever of the service over these stores. */
    static List<ChunkRetriever> retrievers(EmbeddingModel embeddings, LuceneVectorStore store, InMemoryGraphStore graph,
                                           InMemoryTemporalMemory memory) {
        return List.of(new VectorRetriever(store), new KeywordRetriever(store),
                new GraphRetriever(graph, store), new GlobalGraphRetriever(new Communities(graph, store), store),
                new MemoryRetriever(memory, embeddings, Clock.systemUTC()));
    }

    /**
     * The service's fusion of {@code retrievers}, as {@code quality.fusion} and {@code quality.candidates} say (scores, 80),
     * reranked by {@code reranker} at the service's default depth.
     */
    static HybridRetriever hybrid(List<ChunkRetriever> retrievers, EmbeddingModel embeddings, ExecutorService executor, Reranker reranker) {
        AegisMetrics metrics = new AegisMetrics(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE));
        return new HybridRetriever(retrievers, embeddings, executor, metrics, new NoopStageTracer(),
                Fusion.named(System.getProperty("quality.fusion", "scores")), new Reranking(reranker, RERANK_DEPTH, metrics),
                Integer.getInteger("quality.candidates", 80), 60_000);
    }

    /** The service's own ingestion over these stores, chunked as {@code quality.chunk.size/overlap/window} say (800 / 100 / 400). */
    static DefaultIngestionService ingestionService(EmbeddingModel embeddings, LuceneVectorStore store, InMemoryGraphStore graph,
                                                    InMemoryTemporalMemory memory) {
        return new DefaultIngestionService(embeddings, store, graph, memory, new OpenNlpGraphExtractor(), Clock.systemUTC(),
                new AegisMetrics(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE)), Integer.getInteger("quality.chunk.size", 800),
                Integer.getInteger("quality.chunk.overlap", 100), Integer.getInteger("quality.chunk.window", 400));
    }

    private static String rankOfAnswer(Map<String, List<Chunk>> rankings, EvaluationQuestion question) {
        List<String> ranks = new ArrayList<>();
        rankings.forEach((name, ranking) -> {
            int index = ranking.stream().map(chunk -> question.isAnsweredBy(chunk.text())).toList().indexOf(Boolean.TRUE);
            ranks.add(name + " " + (index < 0 ? "-" : String.valueOf(index + 1)));
        });
        return String.join(", ", ranks);
    }

    static List<String> header(String first) {
        List<String> header = new ArrayList<>(List.of(first, "questions"));
        header.addAll(METRIC_HEADER);
        return header;
    }

    static List<List<String>> rows(Map<String, RankingMetrics> metrics, Function<String, String> label) {
        List<List<String>> rows = new ArrayList<>();
        metrics.forEach((name, ranking) -> {
            RankingMetrics.Scores s = ranking.scores();
            rows.add(List.of(label.apply(name), String.valueOf(s.questions()), f(s.recallAt1()), f(s.recallAt5()), f(s.recallAt10()),
                    f(s.mrrAt10()), f(s.ndcgAt10())));
        });
        return rows;
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** The {@code p} quantile of {@code values} (nearest rank). */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
