package io.aegisrag.coordinator.memory;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.llm.ChatModelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses who reads episodes, by {@code aegis.extraction.provider}: the rules for {@code nlp} and
 * {@code rules}, or {@code llm} (the chat chain, the rules when it fails).
 */
@ApplicationScoped
public class EpisodeReaderProducer {

    @Produces
    @ApplicationScoped
    EpisodeReader episodeReader(@ConfigProperty(name = ConfigKeys.EXTRACTION_PROVIDER, defaultValue = "nlp") String provider,
                                ChatModelRouter models) {
        return switch (provider) {
            case "nlp", "rules" -> new RuleEpisodeReader();
            case "llm" -> new LlmEpisodeReader(models, new RuleEpisodeReader());
            default -> throw new IllegalStateException(ConfigKeys.EXTRACTION_PROVIDER + " must be one of [nlp, rules, llm], got '" + provider + "'");
        };
    }
}
