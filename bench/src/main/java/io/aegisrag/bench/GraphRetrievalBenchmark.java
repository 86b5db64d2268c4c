package io.aegisrag.bench;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import io.aegisrag.retrieval.graph.Communities;
import io.aegisrag.retrieval.graph.EntityNameEmbeddings;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.graph.Neo4jGraphStore;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.search.ChunkRetriever;
import io.aegisrag.retrieval.search.GlobalGraphRetriever;
import io.aegisrag.retrieval.search.GraphRetriever;
import io.aegisrag.retrieval.search.KeywordRetriever;
import io.aegisrag.retrieval.search.Question;
import io.aegisrag.retrieval.search.VectorRetriever;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Graph retrieval at 100k chunks of real prose: the text files of /usr/share/doc (Debian's package
 * documentation: READMEs, NEWS, changelogs, copyright files; another directory with
 * {@code -Dgraph.corpus=DIR}), chunked as the app chunks them, read by the OpenNLP extractor into the
 * embedded graph and into a real Neo4j 5.26 (neo4j-harness, in this JVM, over Bolt). Reports p50/p95
 * of local ({@code graph}) and global ({@code graph_global}) retrieval on both, next to BM25 and
 * vector search over the same chunks in Lucene (HNSW over hashed bag-of-words vectors: their latency,
 * not their quality); questions are sentences of randomly chosen chunks.
 */
public final class GraphRetrievalBenchmark {

    private static final int DIMENSION = 384;
    private static final int QUESTIONS = 300;
    private static final int WARMUP = 50;
    private static final int LIMIT = 20;

    private GraphRetrievalBenchmark() {
    }

    private record Corpus(Map<DocumentId, List<Chunk>> documents, int files) {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("graph.chunks", 100_000);
        Corpus corpus = read(Path.of(System.getProperty("graph.corpus", "/usr/share/doc")), size);
        List<Chunk> all = corpus.documents().values().stream().flatMap(List::stream).toList();
        Report report = new Report("Graph retrieval at " + all.size() + " chunks of real prose", "bench/run.sh graph");

        long start = System.nanoTime();
        Map<DocumentId, Extraction> extractions = extract(corpus.documents());
        double extractSeconds = (System.nanoTime() - start) / 1e9;

        Path data = Files.createTempDirectory("aegis-graph-bench");
        EmbeddingModel embeddings = new HashedWords();
        InMemoryGraphStore embedded = new InMemoryGraphStore();
        try (LuceneVectorStore store = new LuceneVectorStore(data, embeddings.serviceName(), DIMENSION);
             Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
             Neo4jGraphStore graph = new Neo4jGraphStore(neo4j.boltURI().toString(), null, null, "neo4j", Duration.ofSeconds(60), DIMENSION)) {
            start = System.nanoTime();
            for (Map.Entry<DocumentId, List<Chunk>> document : corpus.documents().entrySet()) {
                List<EmbeddedChunk> vectorChunks = new ArrayList<>();
                List<float[]> vectors = embeddings.embedAll(document.getValue().stream().map(Chunk::withHeader).toList());
                for (int i = 0; i < vectors.size(); i++) {
                    vectorChunks.add(new EmbeddedChunk(document.getValue().get(i), vectors.get(i)));
                }
                Chunk first = document.getValue().get(0);
                store.add(new Document(document.getKey(), first.title(), first.source(), "", Map.of(), Instant.now()), vectorChunks);
            }
            double luceneSeconds = (System.nanoTime() - start) / 1e9;
            Map<DocumentId, Map<String, float[]>> names = new HashMap<>();
            extractions.forEach((id, extraction) -> names.put(id, EntityNameEmbeddings.of(embeddings, extraction)));
            start = System.nanoTime();
            extractions.forEach((id, extraction) -> embedded.addDocument(id, extraction.mentions(), extraction.relations(), names.get(id)));
            double embeddedSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            extractions.forEach((id, extraction) -> graph.addDocument(id, extraction.mentions(), extraction.relations(), names.get(id)));
            double neo4jSeconds = (System.nanoTime() - start) / 1e9;

            report.paragraph(corpus.files() + " files, " + corpus.documents().size() + " documents, " + all.size() + " chunks (800 characters,"
                    + " overlap 100). OpenNLP extraction: " + Report.format(extractSeconds) + " s (" + Report.format(all.size() / extractSeconds)
                    + " chunks/s on 2 threads); graph: " + embedded.entityCount() + " entities, " + embedded.relationCount() + " relations."
                    + " Writing: Lucene " + Report.format(luceneSeconds) + " s, embedded graph " + Report.format(embeddedSeconds)
                    + " s, Neo4j " + Report.format(neo4jSeconds) + " s (one transaction per document), both with the name embeddings of their entities.");

            List<String> questions = questions(all);
            Map<String, ChunkRetriever> retrievers = new LinkedHashMap<>();
            retrievers.put("vector (Lucene HNSW)", new VectorRetriever(store));
            retrievers.put("bm25 (Lucene)", new KeywordRetriever(store));
            retrievers.put("graph, local (embedded)", new GraphRetriever(embedded, store));
            retrievers.put("graph, local (Neo4j)", new GraphRetriever(graph, store));
            List<List<String>> rows = new ArrayList<>();
            retrievers.forEach((name, retriever) -> rows.add(row(name, retriever, embeddings, questions, 0)));
            rows.add(global("graph_global (embedded)", embedded, store, embeddings, questions));
            rows.add(global("graph_global (Neo4j)", graph, store, embeddings, questions));
            report.table(List.of("retriever (store)", "p50 ms", "p95 ms", "first query ms (communities computed)"), rows);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        report.writeTo("graph-retrieval.md");
    }

    private static List<String> global(String name, GraphStore graph, LuceneVectorStore store, EmbeddingModel embeddings, List<String> questions) {
        GlobalGraphRetriever retriever = new GlobalGraphRetriever(new Communities(graph, store), store);
        long start = System.nanoTime();
        retriever.retrieve(new Question(questions.get(0), embeddings), LIMIT);
        return row(name, retriever, embeddings, questions, (System.nanoTime() - start) / 1e6);
    }

    /** Each question is embedded within the time of the retriever that needs its embedding. */
    private static List<String> row(String name, ChunkRetriever retriever, EmbeddingModel embeddings, List<String> questions, double firstMillis) {
        long[] nanos = new long[questions.size() - WARMUP];
        for (int q = 0; q < questions.size(); q++) {
            long start = System.nanoTime();
            retriever.retrieve(new Question(questions.get(q), embeddings), LIMIT);
            if (q >= WARMUP) {
                nanos[q - WARMUP] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return List.of(name, Report.format(nanos[nanos.length / 2] / 1e6), Report.format(nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6),
                firstMillis == 0 ? "" : Report.format(firstMillis));
    }

    /** A sentence (up to 200 characters) from each of {@value #QUESTIONS} chunks chosen at random, seeded. */
    private static List<String> questions(List<Chunk> chunks) {
        Random random = new Random(7);
        List<String> questions = new ArrayList<>();
        while (questions.size() < QUESTIONS) {
            String text = chunks.get(random.nextInt(chunks.size())).text().replaceAll("\\s+", " ").strip();
            int end = text.indexOf(". ");
            String sentence = text.substring(0, end > 20 ? Math.min(end, 200) : Math.min(text.length(), 200));
            if (sentence.length() > 20) {
                questions.add(sentence);
            }
        }
        return questions;
    }

    private static Map<DocumentId, Extraction> extract(Map<DocumentId, List<Chunk>> documents) throws Exception {
        OpenNlpGraphExtractor extractor = new OpenNlpGraphExtractor();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<DocumentId, Future<Extraction>> running = new LinkedHashMap<>();
            documents.forEach((id, chunks) -> running.put(id, pool.submit(() -> extractor.extract(chunks))));
            Map<DocumentId, Extraction> done = new LinkedHashMap<>();
            for (Map.Entry<DocumentId, Future<Extraction>> entry : running.entrySet()) {
                done.put(entry.getKey(), entry.getValue().get());
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    /** The text files under {@code directory} (gzipped or not, no NUL bytes), chunked, until {@code size} chunks. */
    private static Corpus read(Path directory, int size) throws IOException {
        MarkdownChunker chunker = new MarkdownChunker(800, 100);
        Map<DocumentId, List<Chunk>> documents = new LinkedHashMap<>();
        int chunks = 0;
        int files = 0;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path path : paths) {
            if (chunks >= size) {
                break;
            }
            String text = text(path);
            if (text.isBlank() || text.indexOf('\0') >= 0) {
                continue;
            }
            DocumentId id = DocumentId.random();
            List<Chunk> chunked = chunker.chunk(id, path.getFileName().toString(), directory.relativize(path).toString(), text);
            if (chunked.isEmpty()) {
                continue;
            }
            chunked = chunked.subList(0, Math.min(chunked.size(), size - chunks));
            documents.put(id, chunked);
            chunks += chunked.size();
            files++;
        }
        return new Corpus(documents, files);
    }

    private static String text(Path path) throws IOException {
        if (Files.size(path) > 4_000_000) {
            return "";
        }
        try (InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(path)) : Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(4_000_000);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }
    }

    /** Words hashed into a 384-d vector, normalised: cheap vectors with a text's words, for HNSW's latency. */
    private static final class HashedWords implements EmbeddingModel {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(HashedWords::hashed).toList();
        }

        private static float[] hashed(String text) {
            float[] vector = new float[DIMENSION];
            for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                if (!word.isEmpty()) {
                    int hash = word.hashCode();
                    vector[Math.floorMod(hash, DIMENSION)] += 1;
                    vector[Math.floorMod(hash >>> 9, DIMENSION)] -= 0.5f;
                }
            }
            double norm = 0;
            for (float value : vector) {
                norm += value * value;
            }
            float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < DIMENSION; i++) {
                vector[i] = norm == 0 ? (i == 0 ? 1 : 0) : vector[i] * scale;
            }
            return vector;
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public String serviceName() {
            return "hashed-words";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }
}
