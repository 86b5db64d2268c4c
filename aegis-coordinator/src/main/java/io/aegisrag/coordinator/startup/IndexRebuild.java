package io.aegisrag.coordinator.startup;

import io.aegisrag.coordinator.ingest.IngestionService;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.VectorStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * At start-up, before the stores are reconciled and before the service is ready: when the index was
 * built otherwise than it would be now (another embedding model, an older index format) and
 * {@code aegis.index.reindex} is true, every stored document is indexed again; when it is false,
 * says so in the log.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());

    private final VectorStore vectors;
    private final IngestionService ingestion;
    private final boolean reindexAllowed;

    @Inject
    public IndexRebuild(VectorStore vectors, IngestionService ingestion,
                        @ConfigProperty(name = ConfigKeys.INDEX_REINDEX, defaultValue = "false") boolean reindexAllowed) {
        this.vectors = vectors;
        this.ingestion = ingestion;
        this.reindexAllowed = reindexAllowed;
    }

    protected IndexRebuild() {
        this(null, null, false);
    }

    void onStart(@Observes @Priority(0) Startup startup) {
        rebuildIfStale();
    }

    /** Indexes every document again when the index is stale and reindexing is allowed. */
    public void rebuildIfStale() {
        if (!vectors.needsReindex()) {
            return;
        }
        if (!reindexAllowed) {
            LOG.warning("the index was built by an older version of AegisRAG: keyword search does not split identifiers and"
                    + " chunks keep Markdown noise until the documents are indexed again; set aegis.index.reindex=true"
                    + " (AEGIS_INDEX_REINDEX=true) and restart to do it");
            return;
        }
        long start = System.nanoTime();
        LOG.info("indexing every stored document again with the current embedding model and index format");
        int reindexed = ingestion.reindex();
        LOG.info("indexed " + reindexed + " documents again in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
