package io.aegisrag.coordinator.startup;

import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.Page;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.retrieval.graph.EntityExtractor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * The knowledge graph is derived from the documents: when the server starts with documents in the
 * vector store and an empty graph (the embedded graph lives in the JVM), it extracts them again.
 */
@ApplicationScoped
public class GraphRebuild {

    private static final Logger LOG = Logger.getLogger(GraphRebuild.class.getName());
    private static final int PAGE = 100;

    private final VectorStore vectors;
    private final GraphStore graph;
    private final EntityExtractor extractor = new EntityExtractor();

    @Inject
    public GraphRebuild(VectorStore vectors, GraphStore graph) {
        this.vectors = vectors;
        this.graph = graph;
    }

    protected GraphRebuild() {
        this(null, null);
    }

    void onStart(@Observes @Priority(1) Startup startup) {
        rebuildIfEmpty();
    }

    /** Extracts every stored document into the graph, unless the graph already holds entities. */
    public void rebuildIfEmpty() {
        if (graph.entityCount() > 0) {
            return;
        }
        long documents = 0;
        for (int offset = 0; ; offset += PAGE) {
            Page<DocumentSummary> page = vectors.list(offset, PAGE);
            for (DocumentSummary document : page.items()) {
                EntityExtractor.Extraction extraction = extractor.extract(vectors.chunksOf(document.id()));
                graph.addDocument(document.id(), extraction.mentions(), extraction.relations());
                documents++;
            }
            if (offset + PAGE >= page.total()) {
                break;
            }
        }
        if (documents > 0) {
            LOG.info("rebuilt the knowledge graph from " + documents + " stored documents: "
                    + graph.entityCount() + " entities, " + graph.relationCount() + " relations");
        }
    }
}
