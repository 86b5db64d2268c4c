package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Retriever;

import java.util.List;

/** One way of finding chunks for a query; the hybrid retriever runs them all and fuses their rankings. */
public interface ChunkRetriever {

    Retriever kind();

    /** Up to {@code limit} chunks for the question, best first. */
    List<ChunkHit> retrieve(Question question, int limit);
}
