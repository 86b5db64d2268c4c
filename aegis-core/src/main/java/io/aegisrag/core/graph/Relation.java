package io.aegisrag.core.graph;

import java.util.List;

/** A directed, typed link between two entities, found in one chunk, with the sentence that states it ("" when unknown). */
public record Relation(String sourceId, String targetId, String type, String chunkId, String sentence) {

    public Relation {
        sentence = sentence == null ? "" : sentence;
    }

    /** A relation whose sentence is not kept. */
    public Relation(String sourceId, String targetId, String type, String chunkId) {
        this(sourceId, targetId, type, chunkId, "");
    }

    /** The two entities it relates, in id order, whatever its direction: the same for every relation of one pair. */
    public List<String> pair() {
        return sourceId.compareTo(targetId) <= 0 ? List.of(sourceId, targetId) : List.of(targetId, sourceId);
    }
}
