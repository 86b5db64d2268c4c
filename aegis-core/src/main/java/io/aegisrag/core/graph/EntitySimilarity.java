package io.aegisrag.core.graph;

/** An entity whose name's embedding is near a question's: their cosine similarity, in [-1, 1]. */
public record EntitySimilarity(String entityId, double similarity) {
}
