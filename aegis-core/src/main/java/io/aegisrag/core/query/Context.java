package io.aegisrag.core.query;

import io.aegisrag.core.document.Chunk;

import java.util.Set;

/**
 * A chunk chosen for the answer after fusion.
 *
 * @param score      the fused Reciprocal Rank Fusion score
 * @param retrievers the retrievers that ranked this chunk
 */
public record Context(Chunk chunk, double score, Set<Retriever> retrievers) {

    public Context {
        retrievers = Set.copyOf(retrievers);
    }
}
