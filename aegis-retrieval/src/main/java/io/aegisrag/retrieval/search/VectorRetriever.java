package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Dense retrieval: takes the question's embedding and asks the vector store for its nearest chunks. */
@ApplicationScoped
public class VectorRetriever implements ChunkRetriever {

    private final VectorStore store;

    @Inject
    public VectorRetriever(VectorStore store) {
        this.store = store;
    }

    protected VectorRetriever() {
        this(null);
    }

    @Override
    public Retriever kind() {
        return Retriever.VECTOR;
    }

    @Override
    @TrackedStage("vector")
    public List<ChunkHit> retrieve(Question question, int limit) {
        return store.searchByVector(question.embedding(), limit);
    }
}
