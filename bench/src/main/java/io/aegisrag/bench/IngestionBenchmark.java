package io.aegisrag.bench;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel.Variant;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Ingestion throughput with all-MiniLM-L6-v2 in process, full precision and int8-quantized: the
 * embedding model alone at several batch sizes and thread counts (the physical limit on this
 * machine), how far the quantized model's nearest neighbours agree with the full model's, then the
 * whole pipeline — chunking, embedding, Lucene indexing — with the time split between the three.
 */
public final class IngestionBenchmark {

    private static final int[] BATCH_SIZES = {1, 32, 256};
    private static final int[] THREADS = {1, 2};

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(7);
        MarkdownChunker chunker = new MarkdownChunker(800, 100);
        List<Chunk> sample = chunker.chunk(DocumentId.random(), "sample", "bench", SyntheticCorpus.markdown(random, 60));
        List<String> texts = sample.subList(0, Math.min(256, sample.size())).stream().map(Chunk::text).toList();

        List<List<String>> embeddingRows = new ArrayList<>();
        List<List<String>> pipelineRows = new ArrayList<>();
        List<List<float[]>> vectorsByVariant = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            for (int threads : THREADS) {
                ExecutorService executor = Executors.newFixedThreadPool(threads);
                try {
                    OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant, executor);
                    model.embedAll(texts.subList(0, 32));
                    for (int batch : BATCH_SIZES) {
                        double seconds = secondsToEmbed(model, texts, batch);
                        embeddingRows.add(List.of(variant.provider(), Integer.toString(threads), Integer.toString(batch),
                                Integer.toString(texts.size()), Report.format(seconds), Report.format(texts.size() / seconds)));
                    }
                    if (threads == THREADS[THREADS.length - 1]) {
                        vectorsByVariant.add(model.embedAll(texts));
                        pipelineRows.add(pipeline(variant, model, chunker, new Random(11)));
                    }
                } finally {
                    executor.shutdown();
                }
            }
        }
        double overlap = neighbourOverlap(vectorsByVariant.get(0), vectorsByVariant.get(1), 10);
        double cosine = IntStream.range(0, texts.size())
                .mapToDouble(i -> cosine(vectorsByVariant.get(0).get(i), vectorsByVariant.get(1).get(i))).average().orElseThrow();

        new Report("Ingestion throughput (all-MiniLM-L6-v2 in process)", "bench/run.sh ingestion")
                .paragraph("Synthetic Markdown (seeded), chunked at 800 characters with 100 overlap; chunks average "
                        + texts.stream().mapToInt(String::length).sum() / texts.size() + " characters. langchain4j encodes "
                        + "the texts of a batch one by one on the executor's threads; ONNX Runtime spreads each encoding "
                        + "over the cores as well. A batch of one is encoded on the caller's thread, so its two rows per model "
                        + "repeat the same experiment: their difference is this machine's noise.")
                .paragraph("Embedding alone (the physical limit of the model here), median of three runs:")
                .table(List.of("model", "threads", "batch size", "chunks", "seconds", "chunks/s"), embeddingRows)
                .paragraph("Agreement of the quantized model with the full one over the same " + texts.size() + " chunks: "
                        + "mean cosine between the two vectors of a chunk " + Report.format(cosine) + "; each chunk's 10 "
                        + "nearest neighbours among the others, quantized vs full: " + Report.format(overlap * 100) + " % the same.")
                .paragraph("Whole pipeline, 20 documents, " + THREADS[THREADS.length - 1] + " threads, one Lucene commit per document:")
                .table(List.of("model", "chunks", "chunking s", "embedding s", "indexing s", "chunks/s"), pipelineRows)
                .writeTo("ingestion.md");
    }

    /** The median of three runs over all the texts. */
    private static double secondsToEmbed(OnnxEmbeddingModel model, List<String> texts, int batch) {
        double[] runs = new double[3];
        for (int run = 0; run < runs.length; run++) {
            long start = System.nanoTime();
            for (int from = 0; from < texts.size(); from += batch) {
                model.embedAll(texts.subList(from, Math.min(texts.size(), from + batch)));
            }
            runs[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(runs);
        return runs[1];
    }

    private static List<String> pipeline(Variant variant, OnnxEmbeddingModel model, MarkdownChunker chunker, Random random) throws Exception {
        Path directory = Files.createTempDirectory("bench-ingest");
        long chunking = 0, embedding = 0, indexing = 0;
        int chunks = 0;
        try (LuceneVectorStore store = new LuceneVectorStore(directory, model.serviceName(), model.dimension())) {
            for (int d = 0; d < 20; d++) {
                String text = SyntheticCorpus.markdown(random, 8);
                long t0 = System.nanoTime();
                DocumentId id = DocumentId.random();
                List<Chunk> pieces = chunker.chunk(id, "doc " + d, "bench", text);
                long t1 = System.nanoTime();
                List<float[]> vectors = model.embedAll(pieces.stream().map(Chunk::text).toList());
                long t2 = System.nanoTime();
                List<EmbeddedChunk> embedded = new ArrayList<>();
                for (int i = 0; i < pieces.size(); i++) {
                    embedded.add(new EmbeddedChunk(pieces.get(i), vectors.get(i)));
                }
                store.add(new Document(id, "doc " + d, "bench", text, Map.of(), Instant.now()), embedded);
                long t3 = System.nanoTime();
                chunking += t1 - t0;
                embedding += t2 - t1;
                indexing += t3 - t2;
                chunks += pieces.size();
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        double total = (chunking + embedding + indexing) / 1e9;
        return List.of(variant.provider(), Integer.toString(chunks), Report.format(chunking / 1e9), Report.format(embedding / 1e9),
                Report.format(indexing / 1e9), Report.format(chunks / total));
    }

    /** The mean share of each vector's k nearest neighbours (by cosine, itself excluded) that both sets agree on. */
    private static double neighbourOverlap(List<float[]> full, List<float[]> quantized, int k) {
        return IntStream.range(0, full.size()).mapToDouble(i -> {
            Set<Integer> expected = new HashSet<>(nearest(full, i, k));
            return nearest(quantized, i, k).stream().filter(expected::contains).count() / (double) k;
        }).average().orElseThrow();
    }

    private static List<Integer> nearest(List<float[]> vectors, int query, int k) {
        return IntStream.range(0, vectors.size()).filter(i -> i != query).boxed()
                .sorted(Comparator.comparingDouble(i -> -cosine(vectors.get(query), vectors.get(i))))
                .limit(k).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
