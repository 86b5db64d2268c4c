package io.aegisrag.bench;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.query.Intent;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.tracing.NoopStageTracer;
import io.aegisrag.retrieval.fusion.NormalizedScoreFusion;
import io.aegisrag.retrieval.rerank.Reranking;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.search.ChunkRetriever;
import io.aegisrag.retrieval.search.GraphRetriever;
import io.aegisrag.retrieval.search.HybridRetriever;
import io.aegisrag.retrieval.search.KeywordRetriever;
import io.aegisrag.retrieval.search.Question;
import io.aegisrag.retrieval.search.VectorRetriever;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Vector search against corpus size: Lucene HNSW (the embedded store, as the app uses it) against
 * exact brute-force cosine search over the same vectors, at 1k, 10k and 100k chunks of 384-d
 * vectors clustered like sentence embeddings. Reports p50/p95 latency of top-10 searches, the
 * speed-up, and HNSW's recall@10 relative to exact; then the whole retrieval stage over the same
 * chunks (vector, BM25 and graph search in parallel, fused), as a hybrid query runs it.
 */
public final class VectorSearchBenchmark {

    private static final int DIMENSION = 384;
    private static final int K = 10;
    private static final int QUERIES = 300;
    private static final int WARMUP = 100;
    private static final int CHUNKS_PER_DOCUMENT = 1000;
    private static final int[] CANDIDATES = {K, LuceneVectorStore.DEFAULT_SEARCH_CANDIDATES};
    /** Sentence windows per chunk ({@code -Dvector.windows}), each drawn from its chunk's cluster; 0: chunks alone. */
    private static final int WINDOWS = Integer.getInteger("vector.windows", 0);
    private static final double WINDOW_WEIGHT = 0.7;

    private VectorSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> stageRows = new ArrayList<>();
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            int[] sizes = args.length == 0 ? new int[]{1_000, 10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
            for (int size : sizes) {
                rows.addAll(measure(size, executor, stageRows));
            }
        } finally {
            executor.shutdown();
        }
        new Report("Vector search: Lucene HNSW against exact search" + (WINDOWS == 0 ? "" : ", with " + WINDOWS + " sentence windows a chunk"),
                (WINDOWS == 0 ? "" : "BENCH_JAVA_OPTS=-Dvector.windows=" + WINDOWS + " ") + "bench/run.sh vector")
                .paragraph((WINDOWS == 0 ? "" : "Each chunk has " + WINDOWS + " sentence windows, vectors of its chunk's cluster, searched"
                        + " as the service searches them: HNSW over the chunks and HNSW over the windows, each chunk scored "
                        + WINDOW_WEIGHT + " × max(best window, own) + the rest × own; exact applies the same blend to every chunk. ")
                        + "Corpus: 384-d unit vectors in 200 Gaussian clusters (seeded), like sentence embeddings; "
                        + QUERIES + " queries drawn the same way after " + WARMUP + " warm-up queries; top-" + K + ". HNSW is "
                        + "`LuceneVectorStore.searchByVector` (Lucene 9.12.3, default M=16, beamWidth=100, the segments the "
                        + "app's commits leave, unit vectors compared by dot product); exact is a brute-force dot product over a float[][] of the same vectors, one thread.")
                .paragraph("`candidates` is how many neighbours HNSW collects before the best 10 are kept "
                        + "(`aegis.vector.hnsw.candidates`): 10 is Lucene's plain top-10 search, 100 the app's default.")
                .paragraph("`segments`: as the app's commits leave them (one a document of 1,000 chunks, merged by Lucene's default"
                        + " policy), then after the merge the service runs once writes pause (`aegis.index.merge.idle`).")
                .table(List.of("chunks", "index build s", "index MiB", "segments", "candidates", "HNSW p50 ms", "HNSW p95 ms", "exact p50 ms",
                        "exact p95 ms", "speed-up (p50)", "recall@10"), rows)
                .paragraph("The whole retrieval stage: `HybridRetriever` with the hybrid intent — vector (HNSW, "
                        + LuceneVectorStore.DEFAULT_SEARCH_CANDIDATES + " candidates), BM25 and graph search in parallel, "
                        + "20 hits each, weighted RRF, top 5 — over the same chunks, each with three synthetic sentences "
                        + "(a 70-word vocabulary, so BM25 matches most chunks: a worst case) and the graph the app's entity "
                        + "extractor builds from them. The query's vector comes from a lookup, as from the embedding cache; "
                        + "embedding a new query costs about 20 ms more with MiniLM (ingestion.md).")
                .paragraph("Each retriever alone first (p50, one at a time), then the stage, which runs them in parallel:")
                .table(List.of("chunks", "entities", "vector p50 ms", "bm25 p50 ms", "graph p50 ms", "stage p50 ms", "stage p95 ms",
                        "stage p99 ms"), stageRows)
                .writeTo(WINDOWS == 0 ? "vector-search.md" : "vector-search-windows.md");
    }

    private static List<List<String>> measure(int size, ExecutorService executor, List<List<String>> stageRows) throws IOException {
        Random random = new Random(42);
        float[][] centroids = new float[200][];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = gaussian(random, 1.0f);
        }
        float[][] vectors = new float[size][];
        float[][][] windows = new float[size][WINDOWS][];
        for (int i = 0; i < size; i++) {
            float[] centroid = centroids[random.nextInt(centroids.length)];
            vectors[i] = around(centroid, random);
            for (int w = 0; w < WINDOWS; w++) {
                windows[i][w] = around(centroid, random);
            }
        }
        float[][] queries = new float[WARMUP + QUERIES][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = around(centroids[random.nextInt(centroids.length)], random);
        }
        List<Set<Integer>> truth = new ArrayList<>();
        long[] exactNanos = new long[QUERIES];
        for (int q = 0; q < queries.length; q++) {
            long t0 = System.nanoTime();
            Set<Integer> nearest = exact(vectors, windows, queries[q]);
            if (q >= WARMUP) {
                exactNanos[q - WARMUP] = System.nanoTime() - t0;
                truth.add(nearest);
            }
        }
        Path directory = Files.createTempDirectory("bench-vectors");
        InMemoryGraphStore graph = new InMemoryGraphStore();
        Map<String, Integer> positions = new HashMap<>();
        try {
            double buildSeconds = build(directory, vectors, windows, new Random(size), graph, positions);
            double indexMiB = directorySize(directory) / 1048576.0;
            List<List<String>> rows = new ArrayList<>();
            for (boolean merged : new boolean[]{false, true}) {
                for (int candidates : merged ? new int[]{LuceneVectorStore.DEFAULT_SEARCH_CANDIDATES} : CANDIDATES) {
                    try (LuceneVectorStore store = new LuceneVectorStore(directory, "synthetic", DIMENSION, new LuceneVectorStore.Settings(
                            candidates, false, LuceneVectorStore.DEFAULT_CHUNK_CACHE_BYTES, Duration.ZERO, 1))) {
                        long mergeStart = System.nanoTime();
                        if (merged) {
                            store.merge();
                        }
                        double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
                        for (int q = 0; q < WARMUP; q++) {
                            store.searchByVector(queries[q], K);
                        }
                        long[] hnswNanos = new long[QUERIES];
                        double recall = 0;
                        for (int q = 0; q < QUERIES; q++) {
                            long t0 = System.nanoTime();
                            List<ChunkHit> hits = store.searchByVector(queries[WARMUP + q], K);
                            hnswNanos[q] = System.nanoTime() - t0;
                            Set<Integer> found = new HashSet<>();
                            hits.forEach(hit -> found.add(positions.get(hit.chunk().id())));
                            found.retainAll(truth.get(q));
                            recall += found.size() / (double) K;
                        }
                        double hnswP50 = percentile(hnswNanos, 50), exactP50 = percentile(exactNanos, 50);
                        rows.add(List.of(Integer.toString(size), Report.format(buildSeconds), Report.format(indexMiB),
                                store.segmentCount() + (merged ? " (merged in " + Report.format(mergeSeconds) + " s)" : ""),
                                Integer.toString(candidates),
                                Report.format(hnswP50 / 1e6), Report.format(percentile(hnswNanos, 95) / 1e6),
                                Report.format(exactP50 / 1e6), Report.format(percentile(exactNanos, 95) / 1e6),
                                Report.format(exactP50 / hnswP50) + "×", String.format(Locale.ROOT, "%.3f", recall / QUERIES)));
                    }
                }
            }
            try (LuceneVectorStore store = new LuceneVectorStore(directory, "synthetic", DIMENSION)) {
                stageRows.add(measureStage(size, store, graph, queries, executor));
            }
            return rows;
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Indexes the vectors, with synthetic text, and the graph of that text; returns the seconds the index took. */
    private static double build(Path directory, float[][] vectors, float[][][] windows, Random random, InMemoryGraphStore graph,
                                Map<String, Integer> positions) throws IOException {
        EntityExtractor extractor = new EntityExtractor();
        long indexing = 0;
        try (LuceneVectorStore store = new LuceneVectorStore(directory, "synthetic", DIMENSION)) {
            for (int from = 0; from < vectors.length; from += CHUNKS_PER_DOCUMENT) {
                DocumentId id = DocumentId.random();
                List<EmbeddedChunk> chunks = new ArrayList<>();
                for (int i = from; i < Math.min(vectors.length, from + CHUNKS_PER_DOCUMENT); i++) {
                    String text = SyntheticCorpus.sentence(random) + " " + SyntheticCorpus.sentence(random) + " " + SyntheticCorpus.sentence(random);
                    Chunk chunk = new Chunk(Chunk.idOf(id, i - from), id, "t", "s", "", text, i - from);
                    positions.put(chunk.id(), i);
                    chunks.add(new EmbeddedChunk(chunk, vectors[i], List.of(windows[i])));
                }
                long start = System.nanoTime();
                store.add(new Document(id, "t", "s", "t", Map.of(), Instant.now()), chunks);
                indexing += System.nanoTime() - start;
                Extraction extraction = extractor.extract(chunks.stream().map(EmbeddedChunk::chunk).toList());
                graph.addDocument(id, extraction.mentions(), extraction.relations());
            }
            return indexing / 1e9;
        }
    }

    private static List<String> measureStage(int size, LuceneVectorStore store, InMemoryGraphStore graph, float[][] queries,
                                             ExecutorService executor) {
        Random random = new Random(size + 1);
        Map<String, float[]> queryVectors = new HashMap<>();
        List<String> questions = new ArrayList<>();
        for (float[] vector : queries) {
            String question = SyntheticCorpus.sentence(random);
            questions.add(question);
            queryVectors.put(question, vector);
        }
        EmbeddingModel lookup = new LookupEmbeddingModel(queryVectors);
        List<ChunkRetriever> retrievers = List.of(new VectorRetriever(store), new KeywordRetriever(store), new GraphRetriever(graph, store));
        AegisMetrics metrics = new AegisMetrics(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE));
        HybridRetriever hybrid = new HybridRetriever(retrievers, lookup, executor, metrics, new NoopStageTracer(), new NormalizedScoreFusion(),
                new Reranking(Reranking.fusedOrder(), 40, metrics), 20, 10_000);
        List<String> row = new ArrayList<>(List.of(Integer.toString(size), Long.toString(graph.entityCount())));
        for (ChunkRetriever retriever : retrievers) {
            row.add(Report.format(percentile(timed(questions, question -> retriever.retrieve(new Question(question, lookup), 20)), 50) / 1e6));
        }
        long[] stage = timed(questions, question -> hybrid.retrieve(question, Intent.HYBRID, 5));
        row.addAll(List.of(Report.format(percentile(stage, 50) / 1e6), Report.format(percentile(stage, 95) / 1e6),
                Report.format(percentile(stage, 99) / 1e6)));
        return row;
    }

    /** The nanoseconds each question after the warm-up ones took. */
    private static long[] timed(List<String> questions, Consumer<String> search) {
        long[] nanos = new long[QUERIES];
        for (int q = 0; q < questions.size(); q++) {
            long start = System.nanoTime();
            search.accept(questions.get(q));
            if (q >= WARMUP) {
                nanos[q - WARMUP] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    /** Embeds the benchmark's questions by looking their vectors up. */
    private record LookupEmbeddingModel(Map<String, float[]> vectors) implements EmbeddingModel {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(vectors::get).toList();
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public String serviceName() {
            return "lookup";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    /** The K best chunks by the store's score: its own similarity, blended with its best window's as the store blends them. */
    private static Set<Integer> exact(float[][] vectors, float[][][] windows, float[] query) {
        int[] best = new int[K];
        double[] scores = new double[K];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            double own = dot(vectors[i], query);
            double window = own;
            for (float[] w : windows[i]) {
                window = Math.max(window, dot(w, query));
            }
            double score = windows[i].length == 0 ? own : WINDOW_WEIGHT * window + (1 - WINDOW_WEIGHT) * own;
            if (score > scores[K - 1]) {
                int at = K - 1;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = i;
            }
        }
        Set<Integer> ids = new HashSet<>();
        for (int id : best) {
            ids.add(id);
        }
        return ids;
    }

    private static double dot(float[] v, float[] query) {
        float dot = 0;
        for (int d = 0; d < DIMENSION; d++) {
            dot += v[d] * query[d];
        }
        return dot;
    }

    private static float[] gaussian(Random random, float scale) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    private static float[] around(float[] centroid, Random random) {
        float[] v = gaussian(random, 0.8f);
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            v[d] += centroid[d];
            norm += v[d] * v[d];
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSION; d++) {
            v[d] *= inverse;
        }
        return v;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
