package io.aegisrag.coordinator.startup;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.coordinator.ingest.DocumentEpisode;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.Page;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.retrieval.graph.EntityNameEmbeddings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The vector store is the system of record; the graph and memory are derived from its documents.
 * At start-up this brings them back in line with it, whatever a crash between two writes of an
 * ingestion or a deletion left: an empty graph (the embedded one lives in the JVM) gets every stored
 * document extracted again, and its entities' names embedded; a memory episode of a document the store does not hold is forgotten; a
 * stored document without its episode gets it.
 */
@ApplicationScoped
public class StoreReconciliation {

    private static final Logger LOG = Logger.getLogger(StoreReconciliation.class.getName());
    private static final int PAGE = 100;

    private final VectorStore vectors;
    private final GraphStore graph;
    private final TemporalMemory memory;
    private final GraphExtractor extractor;
    private final EmbeddingModel embeddings;

    @Inject
    public StoreReconciliation(VectorStore vectors, GraphStore graph, TemporalMemory memory, GraphExtractor extractor,
                               EmbeddingModel embeddings) {
        this.vectors = vectors;
        this.graph = graph;
        this.memory = memory;
        this.extractor = extractor;
        this.embeddings = embeddings;
    }

    protected StoreReconciliation() {
        this(null, null, null, null, null);
    }

    /** Reconciles the stores; when the vector or graph store cannot be read (a server that is down), starts without. */
    void onStart(@Observes @Priority(1) Startup startup) {
        try {
            reconcile();
        } catch (AegisException e) {
            LOG.warning("the stores were not reconciled at start-up, " + vectors.serviceName() + " or " + graph.serviceName()
                    + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Rebuilds an empty graph and repairs memory from the stored documents; memory that cannot be read
     * (a Neo4j that is down) is left as it is, and the service starts without repairing it.
     */
    public void reconcile() {
        boolean rebuildGraph = graph.entityCount() == 0;
        boolean repairMemory = true;
        Set<String> episodes = new HashSet<>();
        try {
            episodes.addAll(memory.episodes(MemoryScope.ALL));
        } catch (AegisException e) {
            LOG.warning("temporal memory (" + memory.serviceName() + ") cannot be read, its episodes are not reconciled: " + e.getMessage());
            repairMemory = false;
        }
        int extracted = 0;
        int episodesAdded = 0;
        long documentCount;
        for (int offset = 0; ; offset += PAGE) {
            Page<DocumentSummary> page = vectors.list(offset, PAGE);
            documentCount = page.total();
            for (DocumentSummary document : page.items()) {
                boolean hasEpisode = episodes.remove(document.id().value()) || !repairMemory;
                if (!rebuildGraph && hasEpisode) {
                    continue;
                }
                List<Chunk> chunks = vectors.chunksOf(document.id());
                Extraction extraction = extractor.extract(chunks);
                if (rebuildGraph) {
                    graph.addDocument(document.id(), extraction.mentions(), extraction.relations(),
                            EntityNameEmbeddings.of(embeddings, extraction));
                    extracted++;
                }
                if (!hasEpisode) {
                    vectors.find(document.id()).ifPresent(stored ->
                            memory.recordEpisode(stored.id().value(), DocumentEpisode.facts(stored, chunks.size(), extraction)));
                    episodesAdded++;
                }
            }
            if (offset + PAGE >= page.total()) {
                break;
            }
        }
        int episodesForgotten = 0;
        for (String orphan : episodes) {
            if (DocumentId.isWellFormed(orphan) && memory.forgetEpisode(orphan)) {
                episodesForgotten++;
            }
        }
        if (extracted + episodesAdded + episodesForgotten > 0) {
            LOG.info("reconciled the stores with the " + documentCount + " stored documents: graph rebuilt from "
                    + extracted + " (" + graph.entityCount() + " entities, " + graph.relationCount() + " relations), "
                    + episodesAdded + " memory episodes restored, " + episodesForgotten + " left by an unfinished write forgotten");
        }
    }
}
