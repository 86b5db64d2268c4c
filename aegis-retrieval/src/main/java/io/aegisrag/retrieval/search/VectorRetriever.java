package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Dense retrieval: embeds the query and asks the vector store for its nearest chunks. */
@ApplicationScoped
public class VectorRetriever implements ChunkRetriever {

    private final EmbeddingModel embeddings;
    private final VectorStore store;

    @Inject
    public VectorRetriever(EmbeddingModel embeddings, VectorStore store) {
        this.embeddings = embeddings;
        this.store = store;
    }

    protected VectorRetriever() {
        this(null, null);
    }

    @Override
    public Retriever kind() {
        return Retriever.VECTOR;
    }

    @Override
    @TrackedStage("vector")
    public List<ChunkHit> retrieve(String query, int limit) {
        return store.searchByVector(embeddings.embedQuery(query), limit);
    }
}
