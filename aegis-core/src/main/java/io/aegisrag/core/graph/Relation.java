package io.aegisrag.core.graph;

import java.util.List;

/** A directed, typed link between two entities, found in one chunk. */
public record Relation(String sourceId, String targetId, String type, String chunkId) {

    /** The two entities it relates, in id order, whatever its direction: the same for every relation of one pair. */
    public List<String> pair() {
        return sourceId.compareTo(targetId) <= 0 ? List.of(sourceId, targetId) : List.of(targetId, sourceId);
    }
}
