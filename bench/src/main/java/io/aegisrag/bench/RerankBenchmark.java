package io.aegisrag.bench;

import io.aegisrag.coordinator.ingest.DefaultIngestionService;
import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.query.IntentClassifier;
import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.retrieval.evaluation.EvaluationCorpus;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.parsing.TikaDocumentParser;
import io.aegisrag.retrieval.rerank.LtrReranker;
import io.aegisrag.retrieval.rerank.RankingFeatures;
import io.aegisrag.retrieval.rerank.Reranking;
import io.aegisrag.retrieval.search.HybridRetriever;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The learned ranking ({@code aegis.retrieval.rerank=ltr}), trained and measured leave-one-corpus-out:
 * every labelled corpus (the harness, the held-out Node.js pages, the real documents of
 * bench/documents) is ingested by the service's own ingestion, each question's fused top 40 taken with
 * its features, and for each corpus a model trained on the others reranks its candidates; fused and
 * reranked are compared on that corpus alone. Then the model trained on every corpus is written where
 * the service loads it, and the rerank stage's latency at 40 candidates is measured with it.
 */
public final class RerankBenchmark {

    private static final int DEPTH = 40;
    private static final int TOP = 10;
    private static final String MODEL = "aegis-retrieval/src/main/resources/io/aegisrag/retrieval/rerank/" + LtrReranker.SHIPPED_MODEL;
    private static final Path NODE_API = Path.of("/usr/share/doc/nodejs/api");
    private static final List<String> NODE_PAGES = List.of("timers.md", "crypto.md", "events.md", "stream.md", "child_process.md", "path.md",
            "buffer.md", "net.md", "modules.md", "dns.md", "cli.md", "util.md", "fs.md", "assert.md", "http.md", "process.md", "os.md",
            "url.md", "zlib.md", "readline.md", "worker_threads.md");

    /** A labelled corpus: its documents (Markdown read as the harness reads it, or files read as uploads) and its questions. */
    private record Corpus(String name, Path documents, Path questions, boolean uploads) {
    }

    /** One question of a corpus with its fused candidates, their features and which hold the passage. */
    private record Asked(EvaluationQuestion question, List<Context> fused, LambdaMart.Group group) {
    }

    private RerankBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String provider = System.getProperty("rerank.embedding", "minilm-q");
        List<Corpus> corpora = corpora();
        Map<String, List<Asked>> asked = new LinkedHashMap<>();
        for (Corpus corpus : corpora) {
            asked.put(corpus.name(), ask(corpus, provider));
        }
        String letor = System.getProperty("rerank.features");
        if (letor != null) {
            writeLetor(Path.of(letor), asked);
        }
        AegisMetrics metrics = new AegisMetrics(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE));
        Report report = new Report("Learned ranking (ltr), leave one corpus out", "bench/run.sh rerank");
        report.paragraph("Corpora: " + corpora.stream().map(c -> c.name() + " (" + asked.get(c.name()).size() + " questions)").toList()
                + ", each ingested by the service's own ingestion (embedding " + provider + ", Lucene, OpenNLP extraction). For each"
                + " question the fused top " + DEPTH + " (normalised-score fusion, candidates 80 per retriever) are taken with their "
                + RankingFeatures.NAMES.size() + " features (io.aegisrag.retrieval.rerank.RankingFeatures); a candidate is relevant"
                + " when it holds the question's passage. For each corpus, a LambdaMART model (XGBoost4J " + LambdaMart.ROUNDS
                + " rounds, " + LambdaMart.parameters() + ") is trained on the other corpora only and reranks this corpus's candidates"
                + " through the service's Reranking step and its pure-Java tree scorer. \"in top 40\": share of questions whose passage"
                + " is among the candidates, the most reranking can reach.");
        List<List<String>> rows = new ArrayList<>();
        RankingMetrics allFused = new RankingMetrics();
        RankingMetrics allReranked = new RankingMetrics();
        for (String held : asked.keySet()) {
            List<LambdaMart.Group> training = asked.entrySet().stream().filter(e -> !e.getKey().equals(held))
                    .flatMap(e -> e.getValue().stream()).map(Asked::group).toList();
            Reranking reranking = new Reranking(new LtrReranker(LambdaMart.read(LambdaMart.train(training))), DEPTH, metrics);
            RankingMetrics fused = new RankingMetrics();
            RankingMetrics reranked = new RankingMetrics();
            int inCandidates = 0;
            for (Asked question : asked.get(held)) {
                List<Boolean> before = answers(question.question(), question.fused().subList(0, Math.min(TOP, question.fused().size())));
                List<Boolean> after = answers(question.question(), reranking.rerank(question.question().question(), question.fused(), TOP));
                fused.add(before);
                reranked.add(after);
                allFused.add(before);
                allReranked.add(after);
                inCandidates += question.group().teaches() ? 1 : 0;
            }
            rows.add(row(held + " / fused", fused, inCandidates));
            rows.add(row(held + " / reranked", reranked, inCandidates));
        }
        rows.add(row("all / fused", allFused, -1));
        rows.add(row("all / reranked", allReranked, -1));
        List<String> header = new ArrayList<>(QualityBenchmark.header("corpus (model trained without it) / ranking"));
        header.add("in top 40");
        report.table(header, rows);

        byte[] shipped = LambdaMart.train(asked.values().stream().flatMap(List::stream).map(Asked::group).toList());
        Path model = Path.of(System.getProperty("rerank.model", MODEL));
        Files.createDirectories(model.getParent());
        Files.write(model, shipped);
        report.paragraph("The model shipped with the service (" + MODEL + ") is trained on every corpus above; its latency as the"
                + " rerank stage sees it (features and trees, " + DEPTH + " candidates, after a warm-up round): " + latency(
                new LtrReranker(LambdaMart.read(shipped)), asked) + ".");
        report.writeTo(System.getProperty("rerank.report", "rerank-ltr.md"));
        System.exit(0);
    }

    /** The features in LETOR's text format ({@code label qid:N 1:v 2:v … # corpus}), NaN left out as missing: for experiments outside the bench. */
    private static void writeLetor(Path file, Map<String, List<Asked>> asked) throws IOException {
        StringBuilder text = new StringBuilder("# features: " + RankingFeatures.NAMES + "\n");
        int qid = 0;
        for (Map.Entry<String, List<Asked>> corpus : asked.entrySet()) {
            for (Asked question : corpus.getValue()) {
                qid++;
                float[][] rows = question.group().rows();
                for (int i = 0; i < rows.length; i++) {
                    text.append(question.group().relevant()[i] ? 1 : 0).append(" qid:").append(qid);
                    for (int f = 0; f < rows[i].length; f++) {
                        if (!Float.isNaN(rows[i][f])) {
                            text.append(' ').append(f + 1).append(':').append(rows[i][f]);
                        }
                    }
                    text.append(" # ").append(corpus.getKey()).append('\n');
                }
            }
        }
        Files.writeString(file, text);
    }

    private static List<Corpus> corpora() throws IOException {
        List<Corpus> corpora = new ArrayList<>();
        corpora.add(new Corpus("harness", Path.of("bench/quality/corpus"), Path.of("bench/quality/questions.tsv"), false));
        if (Files.isDirectory(NODE_API)) {
            Path pages = Files.createTempDirectory("aegis-node-api");
            for (String page : NODE_PAGES) {
                Files.copy(NODE_API.resolve(page), pages.resolve(page));
            }
            corpora.add(new Corpus("nodejs", pages, Path.of("bench/quality/heldout/nodejs-api.tsv"), false));
        }
        try (Stream<Path> folders = Files.list(Path.of("bench/documents"))) {
            folders.filter(Files::isDirectory).sorted()
                    .forEach(folder -> corpora.add(new Corpus(folder.getFileName().toString(), folder, folder.resolve("questions.tsv"), true)));
        }
        return corpora;
    }

    private static List<Asked> ask(Corpus corpus, String provider) throws IOException {
        try (BenchPipeline pipeline = new BenchPipeline(provider)) {
            ingest(corpus, pipeline.ingestion());
            HybridRetriever hybrid = pipeline.hybrid(Reranking.fusedOrder());
            IntentClassifier classifier = new IntentClassifier();
            List<Asked> asked = new ArrayList<>();
            for (EvaluationQuestion question : EvaluationQuestion.read(corpus.questions())) {
                List<Context> fused = hybrid.retrieve(question.question(), classifier.classify(question.question()), DEPTH);
                List<Boolean> answers = answers(question, fused);
                boolean[] relevant = new boolean[answers.size()];
                for (int i = 0; i < relevant.length; i++) {
                    relevant[i] = answers.get(i);
                }
                asked.add(new Asked(question, fused, new LambdaMart.Group(RankingFeatures.of(question.question(), fused), relevant)));
            }
            return asked;
        }
    }

    private static void ingest(Corpus corpus, DefaultIngestionService ingestion) throws IOException {
        if (!corpus.uploads()) {
            for (EvaluationCorpus.CorpusDocument document : EvaluationCorpus.read(corpus.documents())) {
                ingestion.ingest(new DocumentRequest(document.title(), document.path(), document.text(), Map.of()));
            }
            return;
        }
        TikaDocumentParser parser = new TikaDocumentParser(5_000_000);
        try (Stream<Path> files = Files.list(corpus.documents())) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                String name = file.getFileName().toString();
                ParsedDocument parsed = parser.parse(name, Files.readAllBytes(file));
                ingestion.ingest(new DocumentRequest(parsed.title().isBlank() ? name : parsed.title(), name, parsed.text(), Map.of()));
            }
        }
    }

    private static List<Boolean> answers(EvaluationQuestion question, List<Context> ranking) {
        return ranking.stream().map(context -> question.isAnsweredBy(context.chunk().text())).toList();
    }

    private static List<String> row(String name, RankingMetrics metrics, int inCandidates) {
        RankingMetrics.Scores s = metrics.scores();
        return List.of(name, String.valueOf(s.questions()), QualityBenchmark.f(s.recallAt1()), QualityBenchmark.f(s.recallAt5()),
                QualityBenchmark.f(s.recallAt10()), QualityBenchmark.f(s.mrrAt10()), QualityBenchmark.f(s.ndcgAt10()),
                inCandidates < 0 ? "" : QualityBenchmark.f((double) inCandidates / s.questions()));
    }

    private static String latency(Reranker reranker, Map<String, List<Asked>> asked) {
        List<Asked> all = asked.values().stream().flatMap(List::stream).toList();
        all.forEach(question -> reranker.scores(question.question().question(), question.fused()));
        List<Double> millis = new ArrayList<>();
        for (Asked question : all) {
            long start = System.nanoTime();
            reranker.scores(question.question().question(), question.fused());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return "p50 " + Report.format(QualityBenchmark.percentile(millis, 0.5)) + " ms, p95 " + Report.format(QualityBenchmark.percentile(millis, 0.95))
                + " ms, max " + Report.format(QualityBenchmark.percentile(millis, 1)) + " ms over " + millis.size() + " questions";
    }
}
