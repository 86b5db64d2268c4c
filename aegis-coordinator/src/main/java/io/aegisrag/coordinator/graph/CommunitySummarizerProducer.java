package io.aegisrag.coordinator.graph;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.retrieval.graph.CommunitySummarizer;
import io.aegisrag.retrieval.graph.LlmCommunitySummarizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses who summarises the graph's communities, by {@code aegis.graph.community-summary.provider}: {@code extractive} (the default) or {@code llm}. */
@ApplicationScoped
public class CommunitySummarizerProducer {

    @Produces
    @ApplicationScoped
    CommunitySummarizer communitySummarizer(@ConfigProperty(name = ConfigKeys.COMMUNITY_SUMMARY_PROVIDER, defaultValue = "extractive") String provider,
                                            ChatChain chain) {
        return switch (provider) {
            case "extractive" -> CommunitySummarizer.EXTRACTIVE;
            case "llm" -> new LlmCommunitySummarizer(chain);
            default -> throw new IllegalStateException(ConfigKeys.COMMUNITY_SUMMARY_PROVIDER + " must be one of [extractive, llm], got '" + provider + "'");
        };
    }
}
