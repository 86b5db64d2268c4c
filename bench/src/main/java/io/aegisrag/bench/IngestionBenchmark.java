package io.aegisrag.bench;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import io.aegisrag.retrieval.embedding.MiniLmEmbeddingModel;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Ingestion throughput with all-MiniLM-L6-v2 in process: the embedding model alone at several batch
 * sizes (the physical limit on this machine), then the whole pipeline — chunking, embedding,
 * Lucene indexing — with the time split between the three.
 */
public final class IngestionBenchmark {

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(7);
        MarkdownChunker chunker = new MarkdownChunker(800, 100);
        List<Chunk> sample = chunker.chunk(DocumentId.random(), "sample", "bench", SyntheticCorpus.markdown(random, 60));
        List<String> texts = sample.subList(0, Math.min(256, sample.size())).stream().map(Chunk::text).toList();
        MiniLmEmbeddingModel model = new MiniLmEmbeddingModel();
        model.embedAll(texts.subList(0, 32));

        List<List<String>> embeddingRows = new ArrayList<>();
        for (int batch : new int[]{1, 16, 64, 256}) {
            long start = System.nanoTime();
            for (int from = 0; from < texts.size(); from += batch) {
                model.embedAll(texts.subList(from, Math.min(texts.size(), from + batch)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            embeddingRows.add(List.of(Integer.toString(batch), Integer.toString(texts.size()), Report.format(seconds),
                    Report.format(texts.size() / seconds)));
        }

        Path directory = Files.createTempDirectory("bench-ingest");
        long chunking = 0, embedding = 0, indexing = 0;
        int chunks = 0;
        try (LuceneVectorStore store = new LuceneVectorStore(directory, model.dimension())) {
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
        new Report("Ingestion throughput (all-MiniLM-L6-v2 in process)", "bench/run.sh ingestion")
                .paragraph("Synthetic Markdown (seeded), chunked at 800 characters with 100 overlap; chunks average "
                        + texts.stream().mapToInt(String::length).sum() / texts.size() + " characters. The model's own "
                        + "executor spreads a batch over the cores.")
                .paragraph("Embedding alone (the physical limit of the model here):")
                .table(List.of("batch size", "chunks", "seconds", "chunks/s"), embeddingRows)
                .paragraph("Whole pipeline, 20 documents, one Lucene commit per document:")
                .table(List.of("chunks", "chunking s", "embedding s", "indexing s", "chunks/s"),
                        List.of(List.of(Integer.toString(chunks), Report.format(chunking / 1e9), Report.format(embedding / 1e9),
                                Report.format(indexing / 1e9), Report.format(chunks / total))))
                .writeTo("ingestion.md");
    }
}
