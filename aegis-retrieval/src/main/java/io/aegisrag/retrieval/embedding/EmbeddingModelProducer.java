package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/** Chooses the {@link EmbeddingModel} named by {@code aegis.embedding.provider} (an ONNX variant, or {@code ollama}) and caches it. */
@ApplicationScoped
public class EmbeddingModelProducer {

    @Produces
    @ApplicationScoped
    EmbeddingModel embeddingModel(@ConfigProperty(name = ConfigKeys.EMBEDDING_PROVIDER, defaultValue = "minilm-q") String provider,
                                  @ConfigProperty(name = ConfigKeys.EMBEDDING_BATCH_SIZE, defaultValue = "32") int batchSize,
                                  @ConfigProperty(name = ConfigKeys.OLLAMA_URL, defaultValue = "http://localhost:11434") String ollamaUrl,
                                  @ConfigProperty(name = ConfigKeys.OLLAMA_EMBEDDING_MODEL, defaultValue = "bge-m3") String ollamaModel,
                                  @ConfigProperty(name = ConfigKeys.OLLAMA_EMBEDDING_DIMENSION, defaultValue = "1024") int ollamaDimension,
                                  @ConfigProperty(name = ConfigKeys.LLM_TIMEOUT_MS, defaultValue = "120000") long timeoutMs,
                                  EmbeddingCache cache) {
        EmbeddingModel model = provider.equals("ollama")
                ? new OllamaEmbeddingModel(URI.create(ollamaUrl), ollamaModel, ollamaDimension, Duration.ofMillis(timeoutMs))
                : new OnnxEmbeddingModel(Variant.named(provider));
        return new CachingEmbeddingModel(model, cache, batchSize);
    }
}
