package io.aegisrag.coordinator.memory;

import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.RelationStatements;

/** Reads an episode without a language model: the rule-based entity extractor and {@link RelationStatements}. */
public final class RuleEpisodeReader implements EpisodeReader {

    private final EntityExtractor names = new EntityExtractor();

    @Override
    public Reading read(String content) {
        return new Reading(names.names(content), RelationStatements.of(content), "rules");
    }
}
