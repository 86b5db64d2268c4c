package io.aegisrag.core.graph;

/** A directed, typed link between two entities, found in one chunk. */
public record Relation(String sourceId, String targetId, String type, String chunkId) {
}
