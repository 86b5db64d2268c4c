package io.aegisrag.coordinator.memory;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.llm.ChatModelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses who reads episodes, by {@code aegis.extraction.provider}: {@code rules} or {@code llm} (the chat chain, the rules when it fails). */
@ApplicationScoped
public class EpisodeReaderProducer {

    @Produces
    @ApplicationScoped
    EpisodeReader episodeReader(@ConfigProperty(name = ConfigKeys.EXTRACTION_PROVIDER, defaultValue = "rules") String provider,
                                ChatModelRouter models) {
        return switch (provider) {
            case "rules" -> new RuleEpisodeReader();
            case "llm" -> new LlmEpisodeReader(models, new RuleEpisodeReader());
            default -> throw new IllegalStateException(ConfigKeys.EXTRACTION_PROVIDER + " must be one of [rules, llm], got '" + provider + "'");
        };
    }
}
