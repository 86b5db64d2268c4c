package io.aegisrag.bench;

import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.query.IntentClassifier;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.query.Context;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.parsing.TikaDocumentParser;
import io.aegisrag.retrieval.rerank.Reranking;
import io.aegisrag.retrieval.search.HybridRetriever;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real documents as users upload them (bench/documents: one folder of HTML pages per documentation
 * generator, one of PDFs, each with its questions.tsv), read through the service's own file parser
 * and ingestion: for each folder, the share of chunks holding boilerplate (a line that repeats on
 * three or more pages of the folder) and retrieval quality of the fused ranking on its questions.
 */
public final class DocumentsBenchmark {

    private static final int DEPTH = 10;
    private static final int MIN_PAGES_FOR_BOILERPLATE = 3;
    private static final int MIN_LINE_CHARS = 12;
    private static final int REPEATED_SHOWN = 5;

    private DocumentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("documents.dir", "bench/documents"));
        String provider = System.getProperty("documents.embedding", "minilm-q");
        String label = System.getProperty("documents.label", "this commit");
        Report report = new Report("Real documents: boilerplate in the chunks and retrieval quality (" + label + ")",
                "bench/run.sh documents");
        report.paragraph("Corpora: " + root + " (sources, versions and licences in its SOURCES.md), each file uploaded as the service reads"
                + " an upload (TikaDocumentParser) and ingested by the service's own ingestion (embedding " + provider + ", Lucene, OpenNLP"
                + " extraction). Boilerplate: a chunk holds a line (" + MIN_LINE_CHARS + "+ characters, outside code) that appears on "
                + MIN_PAGES_FOR_BOILERPLATE + " or more pages of its corpus (for the PDFs: on 3 or more pages of one file). Questions: written"
                + " before any tuning on the corpus, each answered by a quoted passage; a result answers when its chunk contains the passage."
                + " A passage no chunk contains counts as a miss (\"unanswerable\").");
        List<List<String>> rows = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<List<String>> misses = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path corpus : folders.filter(Files::isDirectory).sorted().toList()) {
                rows.add(evaluate(corpus, provider, repeated, misses));
            }
        }
        report.table(List.of("corpus", "files", "chunks", "boilerplate chunks", "share", "questions", "unanswerable", "recall@1",
                "recall@5", "recall@10", "MRR@10"), rows);
        report.paragraph("Lines most often repeated, per corpus (the boilerplate counted above):\n\n" + String.join("\n", repeated));
        report.paragraph("Questions whose passage is not in the fused top 5 (" + misses.size() + "):");
        report.table(List.of("corpus", "question", "rank of the answer (- past 10)", "first result: source > section"), misses);
        report.writeTo(System.getProperty("documents.report", "documents-quality.md"));
        System.exit(0);
    }

    private static List<String> evaluate(Path corpus, String provider, List<String> repeated, List<List<String>> misses) throws IOException {
        TikaDocumentParser parser = new TikaDocumentParser(5_000_000);
        try (BenchPipeline pipeline = new BenchPipeline(provider)) {
            LuceneVectorStore store = pipeline.store;
            var ingestion = pipeline.ingestion();
            Map<String, List<Chunk>> chunksByFile = new HashMap<>();
            List<Path> files;
            try (Stream<Path> listed = Files.list(corpus)) {
                files = listed.filter(file -> !file.getFileName().toString().endsWith(".tsv")).sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                ParsedDocument parsed = parser.parse(name, Files.readAllBytes(file));
                DocumentId id = new DocumentId(ingestion.ingest(new DocumentRequest(parsed.title().isBlank() ? name : parsed.title(), name,
                        parsed.text(), Map.of())).documentId());
                chunksByFile.put(name, store.chunksOf(id));
            }
            List<Chunk> chunks = chunksByFile.values().stream().flatMap(List::stream).toList();
            Set<String> boilerplate = repeatedLines(corpus, chunksByFile);
            long boilerplateChunks = chunks.stream().filter(chunk -> lines(chunk).anyMatch(boilerplate::contains)).count();
            repeated.add("- " + corpus.getFileName() + ": " + (boilerplate.isEmpty() ? "none" : boilerplate.stream().sorted()
                    .limit(REPEATED_SHOWN).map(line -> "`" + line.replace("`", "'") + "`").reduce((a, b) -> a + ", " + b).orElse("")
                    + (boilerplate.size() > REPEATED_SHOWN ? " and " + (boilerplate.size() - REPEATED_SHOWN) + " more" : "")));

            HybridRetriever hybrid = pipeline.hybrid(Reranking.fusedOrder());
            IntentClassifier classifier = new IntentClassifier();
            RankingMetrics metrics = new RankingMetrics();
            int unanswerable = 0;
            List<EvaluationQuestion> questions = EvaluationQuestion.read(corpus.resolve("questions.tsv"));
            for (EvaluationQuestion question : questions) {
                if (chunks.stream().noneMatch(chunk -> question.isAnsweredBy(chunk.text()))) {
                    unanswerable++;
                }
                List<Context> ranked = hybrid.retrieve(question.question(), classifier.classify(question.question()), DEPTH);
                List<Boolean> answers = ranked.stream().map(context -> question.isAnsweredBy(context.chunk().text())).toList();
                metrics.add(answers);
                int rank = answers.indexOf(Boolean.TRUE) + 1;
                if (rank == 0 || rank > 5) {
                    Chunk first = ranked.isEmpty() ? null : ranked.get(0).chunk();
                    misses.add(List.of(corpus.getFileName().toString(), question.question(), rank == 0 ? "-" : String.valueOf(rank),
                            first == null ? "" : (first.source() + " > " + first.section()).replace("|", "\\|")));
                }
            }
            RankingMetrics.Scores s = metrics.scores();
            return List.of(corpus.getFileName().toString(), String.valueOf(files.size()), String.valueOf(chunks.size()),
                    String.valueOf(boilerplateChunks), QualityBenchmark.f((double) boilerplateChunks / chunks.size()),
                    String.valueOf(questions.size()), String.valueOf(unanswerable), QualityBenchmark.f(s.recallAt1()),
                    QualityBenchmark.f(s.recallAt5()), QualityBenchmark.f(s.recallAt10()), QualityBenchmark.f(s.mrrAt10()));
        }
    }

    /** Lines found on three or more pages: of three or more files, or for a folder of PDFs, of one file. */
    private static Set<String> repeatedLines(Path corpus, Map<String, List<Chunk>> chunksByFile) {
        boolean pdfs = corpus.getFileName().toString().equals("pdf");
        Map<String, Set<String>> placesOf = new HashMap<>();
        chunksByFile.forEach((file, chunks) -> chunks.forEach(chunk ->
                lines(chunk).forEach(line -> placesOf.computeIfAbsent(line, l -> new HashSet<>()).add(pdfs ? file + "#" + chunk.page() : file))));
        Set<String> repeated = new HashSet<>();
        placesOf.forEach((line, places) -> {
            if (places.size() >= MIN_PAGES_FOR_BOILERPLATE) {
                repeated.add(line);
            }
        });
        return repeated;
    }

    /** The lines of a chunk's text outside code blocks, long enough to say something. */
    private static Stream<String> lines(Chunk chunk) {
        List<String> lines = new ArrayList<>();
        boolean code = false;
        for (String line : chunk.text().split("\n")) {
            if (line.strip().startsWith("```")) {
                code = !code;
            } else if (!code && line.strip().length() >= MIN_LINE_CHARS && line.chars().anyMatch(Character::isLetter)) {
                lines.add(line.strip());
            }
        }
        return lines.stream();
    }
}
