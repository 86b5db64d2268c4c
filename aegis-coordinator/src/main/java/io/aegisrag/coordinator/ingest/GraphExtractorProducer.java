package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.LlmEpisodeReader;
import io.aegisrag.retrieval.graph.LlmGraphExtractor;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;
import io.aegisrag.retrieval.graph.RuleEpisodeReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses who reads documents into the knowledge graph, by {@code aegis.extraction.provider}:
 * {@code nlp} (OpenNLP, the default), {@code rules} (regular expressions), or {@code llm} (the chat
 * chain; OpenNLP for a chunk no model read).
 */
@ApplicationScoped
public class GraphExtractorProducer {

    @Produces
    @ApplicationScoped
    GraphExtractor graphExtractor(@ConfigProperty(name = ConfigKeys.EXTRACTION_PROVIDER, defaultValue = "nlp") String provider,
                                  ChatChain chain) {
        return switch (provider) {
            case "nlp" -> new OpenNlpGraphExtractor();
            case "rules" -> new EntityExtractor();
            case "llm" -> new LlmGraphExtractor(LlmEpisodeReader.forDocuments(chain, new RuleEpisodeReader()), new OpenNlpGraphExtractor());
            default -> throw new IllegalStateException(ConfigKeys.EXTRACTION_PROVIDER + " must be one of [nlp, rules, llm], got '" + provider + "'");
        };
    }
}
