package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Retriever;

import java.util.List;

/** One way of finding chunks for a query; the hybrid retriever runs them all and fuses their rankings. */
public interface ChunkRetriever {

    Retriever kind();

    /** Up to {@code limit} chunks, best first. */
    List<ChunkHit> retrieve(String query, int limit);
}
