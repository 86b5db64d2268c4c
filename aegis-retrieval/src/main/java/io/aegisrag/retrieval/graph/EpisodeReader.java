package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;

import java.util.List;

/** Reads an episode of a conversation: the entities it names and the statements that relate them. */
public interface EpisodeReader {

    /** What an episode says, and who read it ({@code rules} or {@code llm}). */
    record Reading(List<Entity> entities, List<Statement> statements, String readBy) {

        public Reading {
            entities = List.copyOf(entities);
            statements = List.copyOf(statements);
        }
    }

    Reading read(String content);
}
