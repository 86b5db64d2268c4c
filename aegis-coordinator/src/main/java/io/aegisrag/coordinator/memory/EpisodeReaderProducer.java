package io.aegisrag.coordinator.memory;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.retrieval.graph.EntitySummarizer;
import io.aegisrag.retrieval.graph.EpisodeReader;
import io.aegisrag.retrieval.graph.LlmEntitySummarizer;
import io.aegisrag.retrieval.graph.LlmEpisodeReader;
import io.aegisrag.retrieval.graph.RuleEpisodeReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses who reads episodes and summarises memory's entities, by {@code aegis.extraction.provider}:
 * the rules (and extractive summaries) for {@code nlp} and {@code rules}, or {@code llm} (the chat
 * chain; the rules and the extractive summary when it fails).
 */
@ApplicationScoped
public class EpisodeReaderProducer {

    @Produces
    @ApplicationScoped
    EpisodeReader episodeReader(@ConfigProperty(name = ConfigKeys.EXTRACTION_PROVIDER, defaultValue = "nlp") String provider,
                                ChatChain chain) {
        return switch (provider) {
            case "nlp", "rules" -> new RuleEpisodeReader();
            case "llm" -> new LlmEpisodeReader(chain, new RuleEpisodeReader());
            default -> throw new IllegalStateException(ConfigKeys.EXTRACTION_PROVIDER + " must be one of [nlp, rules, llm], got '" + provider + "'");
        };
    }

    /** Checked by {@link #episodeReader}, which reads the same key. */
    @Produces
    @ApplicationScoped
    EntitySummarizer entitySummarizer(@ConfigProperty(name = ConfigKeys.EXTRACTION_PROVIDER, defaultValue = "nlp") String provider,
                                      ChatChain chain) {
        return provider.equals("llm") ? new LlmEntitySummarizer(chain) : EntitySummarizer.EXTRACTIVE;
    }
}
