package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Sparse retrieval: BM25 over the chunk text. */
@ApplicationScoped
public class KeywordRetriever implements ChunkRetriever {

    private final VectorStore store;

    @Inject
    public KeywordRetriever(VectorStore store) {
        this.store = store;
    }

    protected KeywordRetriever() {
        this(null);
    }

    @Override
    public Retriever kind() {
        return Retriever.BM25;
    }

    @Override
    @TrackedStage("bm25")
    public List<ChunkHit> retrieve(Question question, int limit) {
        return store.searchByKeywords(question.text(), limit);
    }
}
