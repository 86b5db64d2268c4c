package io.aegisrag.core.memory;

import java.time.Instant;
import java.util.List;

/**
 * One exchange of a conversation: the question, the answer, the sources the answer could cite (in
 * citation order) and when it was answered.
 */
public record Turn(String question, String answer, List<Source> sources, Instant at) {

    public Turn {
        sources = List.copyOf(sources);
    }

    /** A source of the answer: the chunk and its document's title. */
    public record Source(String id, String title) {
    }
}
