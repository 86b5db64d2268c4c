package io.aegisrag.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * all-MiniLM-L6-v2 int8 under ONNX Runtime's defaults (langchain4j's model as shipped: one session, a
 * spinning thread pool of a thread per core for every text) against the service's {@link OnnxEmbeddingModel}
 * (that session for questions, one thread per text without spinning for passages), in alternating rounds in
 * one JVM: a question's latency, and passages per second when a batch is spread over a thread per core.
 */
public final class EmbeddingSessionsBenchmark {

    private static final int ROUNDS = 3;
    private static final int PASSAGES = 400;

    private EmbeddingSessionsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> questions = questions(Path.of(System.getProperty("quality.questions", "bench/quality/heldout/nodejs-api.tsv")));
        List<String> passages = passages(Path.of(System.getProperty("quality.corpus", "bench/quality/corpus")));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        EmbeddingModel defaults = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        OnnxEmbeddingModel own = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED, executor);
        Function<String, float[]> defaultQuestion = question -> defaults.embed(question).content().vector();
        Function<List<String>, Integer> defaultBatch = texts -> defaults.embedAll(texts.stream().map(TextSegment::from).toList()).content().size();
        Function<List<String>, Integer> ownBatch = texts -> own.embedAll(texts).size();
        List<List<String>> rows = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rows.add(row(round, "ONNX Runtime's defaults (langchain4j)", questions, defaultQuestion, passages, defaultBatch));
            rows.add(row(round, "the service's sessions", questions, own::embedQuery, passages, ownBatch));
        }
        executor.shutdownNow();
        new Report("Question and passage embedding: ONNX Runtime's default session against the service's two sessions",
                "bench/run.sh embedding")
                .paragraph("all-MiniLM-L6-v2 int8 (`minilm-q`, the default provider). Questions: the " + questions.size()
                        + " held-out questions (" + System.getProperty("quality.questions", "bench/quality/heldout/nodejs-api.tsv")
                        + ") with the round's number and an index after them, so that none repeats, 10 times over per row after 100 warm-up"
                        + " questions; p50 / p95 of single `embedQuery` calls on one thread. Passages: the first " + passages.size()
                        + " paragraphs of at least 200 characters of " + System.getProperty("quality.corpus", "bench/quality/corpus")
                        + ", one `embedAll` spread over " + threads + " threads (one per core, as in the service). The two run in turn, "
                        + ROUNDS + " rounds, so that both see the machine in the same minutes.")
                .table(List.of("round", "session", "question p50 ms", "question p95 ms", "passages / s"), rows)
                .writeTo("embedding-sessions.md");
    }

    private static List<String> row(int round, String name, List<String> questions, Function<String, float[]> embedQuestion,
                                    List<String> passages, Function<List<String>, Integer> embedBatch) {
        for (int i = 0; i < 100; i++) {
            embedQuestion.apply(questions.get(i % questions.size()) + " warm " + i);
        }
        long[] nanos = new long[questions.size() * 10];
        for (int i = 0; i < nanos.length; i++) {
            String question = questions.get(i % questions.size()) + " " + round + " " + i;
            long start = System.nanoTime();
            embedQuestion.apply(question);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long start = System.nanoTime();
        int embedded = embedBatch.apply(passages);
        double seconds = (System.nanoTime() - start) / 1e9;
        return List.of(Integer.toString(round), name, Report.format(nanos[nanos.length / 2] / 1e6), Report.format(nanos[nanos.length * 95 / 100] / 1e6),
                Report.format(embedded / seconds));
    }

    private static List<String> questions(Path tsv) throws IOException {
        return Files.readAllLines(tsv).stream().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t")[2]).toList();
    }

    private static List<String> passages(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            List<String> paragraphs = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                Arrays.stream(Files.readString(file).split("\n\\s*\n")).filter(paragraph -> paragraph.length() >= 200).forEach(paragraphs::add);
            }
            return paragraphs.subList(0, Math.min(PASSAGES, paragraphs.size()));
        }
    }
}
