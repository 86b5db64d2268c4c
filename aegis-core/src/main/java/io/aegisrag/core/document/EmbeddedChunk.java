package io.aegisrag.core.document;

import java.util.Objects;

/** A chunk together with the embedding of its text. */
public record EmbeddedChunk(Chunk chunk, float[] vector) {

    public EmbeddedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
    }
}
