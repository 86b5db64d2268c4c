package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import io.aegisrag.retrieval.graph.EntityExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    private final MarkdownChunker chunker;
    private final EntityExtractor extractor = new EntityExtractor();
    private final EmbeddingModel embeddings;
    private final VectorStore vectors;
    private final GraphStore graph;
    private final TemporalMemory memory;
    private final Clock clock;

    @Inject
    public DefaultIngestionService(EmbeddingModel embeddings, VectorStore vectors, GraphStore graph, TemporalMemory memory,
                                   Clock clock,
                                   @ConfigProperty(name = ConfigKeys.CHUNK_SIZE, defaultValue = "800") int chunkSize,
                                   @ConfigProperty(name = ConfigKeys.CHUNK_OVERLAP, defaultValue = "100") int chunkOverlap) {
        this.chunker = new MarkdownChunker(chunkSize, chunkOverlap);
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.graph = graph;
        this.memory = memory;
        this.clock = clock;
    }

    protected DefaultIngestionService() {
        this.chunker = null;
        this.embeddings = null;
        this.vectors = null;
        this.graph = null;
        this.memory = null;
        this.clock = null;
    }

    @Override
    public IngestionResult ingest(DocumentRequest body) {
        Instant now = clock.instant();
        Document document = new Document(DocumentId.random(), body.title().strip(), body.source(), body.text(), body.metadata(), now);
        List<Chunk> chunks = chunker.chunk(document.id(), document.title(), document.source(), document.text());
        if (chunks.isEmpty()) {
            throw new InvalidInputException("text", "has no content to index");
        }
        List<float[]> vectorsOfChunks = embeddings.embedAll(chunks.stream().map(Chunk::withHeader).toList());
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            embedded.add(new EmbeddedChunk(chunks.get(i), vectorsOfChunks.get(i)));
        }
        EntityExtractor.Extraction extraction = extractor.extract(chunks);

        memory.recordEpisode(document.id().value(), DocumentEpisode.facts(document, chunks.size(), extraction));
        try {
            vectors.add(document, embedded);
        } catch (RuntimeException e) {
            undo(e, () -> vectors.delete(document.id()), () -> memory.forgetEpisode(document.id().value()));
            throw e;
        }
        try {
            graph.addDocument(document.id(), extraction.mentions(), extraction.relations());
        } catch (RuntimeException e) {
            undo(e, () -> graph.removeDocument(document.id()), () -> vectors.delete(document.id()),
                    () -> memory.forgetEpisode(document.id().value()));
            throw e;
        }
        return new IngestionResult(document.id().value(), chunks.size(), extraction.entities().size(), extraction.relations().size());
    }

    @Override
    public Page<DocumentSummary> list(int offset, int limit) {
        return vectors.list(offset, limit);
    }

    @Override
    public Document get(String documentId) {
        return vectors.find(parse(documentId)).orElseThrow(() -> new NotFoundException("document", documentId));
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
