package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import io.aegisrag.retrieval.chunking.SentenceWindows;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.retrieval.graph.EntityNameEmbeddings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingestion: chunk, embed (batched, cached), record the episode in memory, index, extract entities
 * into the graph. Everything that can fail on bad input happens before the first write. The writes
 * are all or nothing: memory first (its journal is forced to disk), then the index, the system of
 * record, then the graph; a failure undoes the writes before it, and
 * {@link io.aegisrag.coordinator.startup.StoreReconciliation} repairs at start-up what a crash
 * between two writes left.
 */
@ApplicationScoped
public class DefaultIngestionService implements IngestionService {

    private static final Logger LOG = Logger.getLogger(DefaultIngestionService.class.getName());
    private static final int REINDEX_PAGE = 100;

    private final MarkdownChunker chunker;
    private final int windowChars;
    private final GraphExtractor extractor;
    private final EmbeddingModel embeddings;
    private final VectorStore vectors;
    private final GraphStore graph;
    private final TemporalMemory memory;
    private final Clock clock;
    private final AegisMetrics metrics;
    private final Executor extraction;

    /** Extracts a document's graph on the calling thread, after its chunks are embedded. */
    public DefaultIngestionService(EmbeddingModel embeddings, VectorStore vectors, GraphStore graph, TemporalMemory memory,
                                   GraphExtractor extractor, Clock clock, AegisMetrics metrics, int chunkSize, int chunkOverlap,
                                   int windowChars) {
        this(embeddings, vectors, graph, memory, extractor, clock, metrics, Runnable::run, chunkSize, chunkOverlap, windowChars);
    }

    /** Extracts a document's graph on {@code extraction} while the calling thread embeds its chunks. */
    @Inject
    public DefaultIngestionService(EmbeddingModel embeddings, VectorStore vectors, GraphStore graph, TemporalMemory memory,
                                   GraphExtractor extractor, Clock clock, AegisMetrics metrics,
                                   @ExtractionExecutor Executor extraction,
                                   @ConfigProperty(name = ConfigKeys.CHUNK_SIZE, defaultValue = "800") int chunkSize,
                                   @ConfigProperty(name = ConfigKeys.CHUNK_OVERLAP, defaultValue = "100") int chunkOverlap,
                                   @ConfigProperty(name = ConfigKeys.CHUNK_WINDOW, defaultValue = "400") int windowChars) {
        this.extraction = extraction;
        this.chunker = new MarkdownChunker(chunkSize, chunkOverlap);
        this.windowChars = windowChars;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.graph = graph;
        this.memory = memory;
        this.extractor = extractor;
        this.clock = clock;
        this.metrics = metrics;
    }

    protected DefaultIngestionService() {
        this.chunker = null;
        this.windowChars = 0;
        this.embeddings = null;
        this.vectors = null;
        this.graph = null;
        this.extractor = null;
        this.memory = null;
        this.clock = null;
        this.metrics = null;
        this.extraction = null;
    }

    /** Counts the document in {@code aegis_ingestion_documents_total} as ingested or failed, and its stages' times. */
    @Override
    public IngestionResult ingest(DocumentRequest body, DocumentId id) {
        try {
            IngestionResult result = write(body, id);
            metrics.trackIngestedDocument(IngestionStatus.INGESTED.label(), result.chunks());
            result.stages().forEach((stage, took) -> metrics.recordIngestionStage(stage.label(), took));
            return result;
        } catch (RuntimeException e) {
            metrics.trackIngestedDocument(IngestionStatus.FAILED.label(), 0);
            throw e;
        }
    }

    @Override
    public boolean contains(DocumentId id) {
        return vectors.find(id).isPresent();
    }

    private IngestionResult write(DocumentRequest body, DocumentId id) {
        Instant now = clock.instant();
        Document document = new Document(id, body.title().strip(), body.source(), body.text(), body.metadata(), now);
        Prepared prepared = prepare(document);
        if (prepared.embedded().isEmpty()) {
            throw new InvalidInputException("text", "has no content to index");
        }
        long indexing = System.nanoTime();
        memory.recordEpisode(document.id().value(), prepared.episode());
        try {
            vectors.add(document, prepared.embedded());
        } catch (RuntimeException e) {
            undo(e, () -> vectors.delete(document.id()), () -> memory.forgetEpisode(document.id().value()));
            throw e;
        }
        try {
            graph.addDocument(document.id(), prepared.extraction().mentions(), prepared.extraction().relations(), prepared.nameVectors());
        } catch (RuntimeException e) {
            undo(e, () -> graph.removeDocument(document.id()), () -> vectors.delete(document.id()),
                    () -> memory.forgetEpisode(document.id().value()));
            throw e;
        }
        Map<IngestionStage, Duration> stages = new EnumMap<>(prepared.took());
        stages.put(IngestionStage.INDEX, Duration.ofNanos(System.nanoTime() - indexing));
        return new IngestionResult(document.id().value(), prepared.embedded().size(), prepared.extraction().entities().size(),
                prepared.extraction().relations().size(), stages);
    }

    /**
     * A document chunked, embedded and extracted (with its entities' name embeddings), ready to be
     * written, and how long each of those stages took.
     */
    private record Prepared(List<EmbeddedChunk> embedded, Extraction extraction, Map<String, float[]> nameVectors, List<Fact> episode,
                            Map<IngestionStage, Duration> took) {
    }

    /**
     * Chunks the document and embeds each chunk, then the sentence windows of the long ones, with their
     * headers, in one call; meanwhile extracts its graph and embeds its entities' names on the extraction executor.
     */
    private Prepared prepare(Document document) {
        long start = System.nanoTime();
        List<Chunk> chunks = chunker.chunk(document.id(), document.title(), document.source(), document.text());
        long chunked = System.nanoTime();
        List<String> texts = new ArrayList<>(chunks.stream().map(Chunk::withHeader).toList());
        List<Integer> windowsOfChunk = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            List<String> windows = SentenceWindows.of(chunk.text(), windowChars);
            windows.forEach(window -> texts.add(chunk.withHeader(window)));
            windowsOfChunk.add(windows.size());
        }
        CompletableFuture<Extracted> extracting = CompletableFuture.supplyAsync(() -> extract(chunks), extraction);
        List<float[]> vectors = embeddings.embedAll(texts);
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        int nextWindow = chunks.size();
        for (int i = 0; i < chunks.size(); i++) {
            embedded.add(new EmbeddedChunk(chunks.get(i), vectors.get(i), vectors.subList(nextWindow, nextWindow + windowsOfChunk.get(i))));
            nextWindow += windowsOfChunk.get(i);
        }
        long embeddedAt = System.nanoTime();
        Extracted extracted = extracted(extracting);
        Map<IngestionStage, Duration> took = new EnumMap<>(IngestionStage.class);
        took.put(IngestionStage.CHUNK, Duration.ofNanos(chunked - start));
        took.put(IngestionStage.EMBED, Duration.ofNanos(embeddedAt - chunked));
        took.put(IngestionStage.EXTRACT, extracted.took());
        return new Prepared(embedded, extracted.extraction(), extracted.nameVectors(),
                DocumentEpisode.facts(document, chunks.size(), extracted.extraction()), took);
    }

    private record Extracted(Extraction extraction, Map<String, float[]> nameVectors, Duration took) {
    }

    private Extracted extract(List<Chunk> chunks) {
        long start = System.nanoTime();
        Extraction extraction = extractor.extract(chunks);
        return new Extracted(extraction, EntityNameEmbeddings.of(embeddings, extraction), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Extracted extracted(CompletableFuture<Extracted> extracting) {
        try {
            return extracting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Chunks, embeds and extracts every stored document again, as a new ingestion would, keeping its
     * id and creation time. Each document is replaced in the index at once, then in the graph and
     * memory; a failure stops the reindex with the index still marked stale, so the next start does
     * it again.
     */
    @Override
    public int reindex() {
        List<DocumentId> stored = new ArrayList<>();
        for (int offset = 0; ; offset += REINDEX_PAGE) {
            Page<DocumentSummary> page = vectors.list(offset, REINDEX_PAGE);
            page.items().forEach(summary -> stored.add(summary.id()));
            if (offset + REINDEX_PAGE >= page.total()) {
                break;
            }
        }
        int reindexed = 0;
        for (DocumentId id : stored) {
            Document document = vectors.find(id).orElse(null);
            if (document == null) {
                continue;
            }
            Prepared prepared = prepare(document);
            vectors.add(document, prepared.embedded());
            graph.removeDocument(id);
            graph.addDocument(id, prepared.extraction().mentions(), prepared.extraction().relations(), prepared.nameVectors());
            memory.forgetEpisode(id.value());
            memory.recordEpisode(id.value(), prepared.episode());
            reindexed++;
        }
        vectors.markReindexed();
        return reindexed;
    }

    @Override
    public Page<DocumentSummary> list(int offset, int limit) {
        return vectors.list(offset, limit);
    }

    @Override
    public Document get(String documentId) {
        return vectors.find(parse(documentId)).orElseThrow(() -> new NotFoundException("document", documentId));
    }

    @Override
    public Page<Chunk> chunks(String documentId, int offset, int limit) {
        DocumentId id = parse(documentId);
        if (!contains(id)) {
            throw new NotFoundException("document", documentId);
        }
        List<Chunk> chunks = vectors.chunksOf(id).stream().sorted(Comparator.comparingInt(Chunk::position)).toList();
        return new Page<>(chunks.subList(Math.min(offset, chunks.size()), Math.min(chunks.size(), offset + limit)), chunks.size(), offset, limit);
    }

    /** Removes the document from the index, the system of record, then its graph mentions and memory episode. */
    @Override
    public void delete(String documentId) {
        DocumentId id = parse(documentId);
        if (!vectors.delete(id)) {
            throw new NotFoundException("document", documentId);
        }
        graph.removeDocument(id);
        try {
            memory.forgetEpisode(id.value());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "document " + documentId + " is deleted, but memory could not forget its episode yet;"
                    + " the next start does", e);
        }
    }

    /** Runs each undo step, keeping every failure of them on {@code failure}: later steps run whatever earlier ones did. */
    private static void undo(RuntimeException failure, Runnable... steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                LOG.log(Level.WARNING, "could not undo part of a failed ingestion; the next start repairs it", e);
            }
        }
    }

    private static DocumentId parse(String documentId) {
        if (!DocumentId.isWellFormed(documentId)) {
            throw new NotFoundException("document", documentId);
        }
        return new DocumentId(documentId);
    }
}
