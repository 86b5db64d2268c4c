package io.aegisrag.core.document;

/** A chunk found by one retriever, with that retriever's own score (higher is better). */
public record ChunkHit(Chunk chunk, double score) {
}
