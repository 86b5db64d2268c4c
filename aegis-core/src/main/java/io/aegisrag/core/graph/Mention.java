package io.aegisrag.core.graph;

/** An entity mentioned in a chunk. */
public record Mention(Entity entity, String chunkId) {
}
