package io.aegisrag.core.document;

import java.util.List;
import java.util.Objects;

/**
 * A chunk together with the embedding of its text and, for a long chunk, the embeddings of its
 * sentence windows (searched for the chunk: a question that matches one sentence finds it).
 */
public record EmbeddedChunk(Chunk chunk, float[] vector, List<float[]> windowVectors) {

    public EmbeddedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
        windowVectors = List.copyOf(windowVectors);
    }

    /** A chunk searched by its own vector only. */
    public EmbeddedChunk(Chunk chunk, float[] vector) {
        this(chunk, vector, List.of());
    }
}
