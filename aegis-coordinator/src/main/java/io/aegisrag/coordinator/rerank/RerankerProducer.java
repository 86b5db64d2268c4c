package io.aegisrag.coordinator.rerank;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.retrieval.rerank.ChatReranker;
import io.aegisrag.retrieval.rerank.HttpReranker;
import io.aegisrag.retrieval.rerank.LtrReranker;
import io.aegisrag.retrieval.rerank.Reranking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Chooses the reranker by {@code aegis.retrieval.rerank}: {@code ltr} (the learned ranking shipped
 * with the service, the default), {@code http} (a cross-encoder at {@code aegis.rerank.url}),
 * {@code llm} (the chat chain) or {@code none} (the fused order).
 */
@ApplicationScoped
public class RerankerProducer {

    @Produces
    @ApplicationScoped
    Reranker reranker(@ConfigProperty(name = ConfigKeys.RETRIEVAL_RERANK, defaultValue = "ltr") String name,
                      @ConfigProperty(name = ConfigKeys.RERANK_URL) Optional<String> url,
                      @ConfigProperty(name = ConfigKeys.RERANK_API, defaultValue = "cohere") String api,
                      @ConfigProperty(name = ConfigKeys.RERANK_MODEL, defaultValue = "BAAI/bge-reranker-v2-m3") String model,
                      @ConfigProperty(name = ConfigKeys.RERANK_API_KEY) Optional<String> apiKey,
                      @ConfigProperty(name = ConfigKeys.RERANK_TIMEOUT_MS, defaultValue = "2000") long timeoutMs,
                      ChatChain chain) {
        return switch (name.strip()) {
            case "ltr" -> LtrReranker.shipped();
            case "http" -> new HttpReranker(URI.create(url.filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                    ConfigKeys.RETRIEVAL_RERANK + "=http needs " + ConfigKeys.RERANK_URL + ", the rerank endpoint (e.g. http://vllm:8000/v1/rerank)"))),
                    HttpReranker.Api.named(api), model, apiKey, Duration.ofMillis(timeoutMs));
            case "llm" -> new ChatReranker(chain);
            case Reranking.NONE -> Reranking.fusedOrder();
            default -> throw new IllegalStateException(ConfigKeys.RETRIEVAL_RERANK + " must be one of [ltr, http, llm, none], got '" + name + "'");
        };
    }
}
