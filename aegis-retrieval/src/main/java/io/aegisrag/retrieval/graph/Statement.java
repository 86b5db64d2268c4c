package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;

/** One statement of an episode: {@code subject —relation→ object}, and the sentence that says it. */
public record Statement(Entity subject, String relation, Entity object, String sentence) {
}
