package io.aegisrag.retrieval.graph;


/** Reads an episode without a language model: the rule-based entity extractor and {@link RelationStatements}. */
public final class RuleEpisodeReader implements EpisodeReader {

    private final EntityExtractor names = new EntityExtractor();

    @Override
    public Reading read(String content) {
        return new Reading(names.names(content), RelationStatements.of(content), "rules");
    }
}
