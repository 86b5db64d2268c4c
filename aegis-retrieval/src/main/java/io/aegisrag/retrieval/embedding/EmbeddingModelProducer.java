package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the {@link EmbeddingModel} named by {@code aegis.embedding.provider} and caches it. */
@ApplicationScoped
public class EmbeddingModelProducer {

    @Produces
    @ApplicationScoped
    EmbeddingModel embeddingModel(@ConfigProperty(name = ConfigKeys.EMBEDDING_PROVIDER, defaultValue = "minilm-q") String provider,
                                  @ConfigProperty(name = ConfigKeys.EMBEDDING_BATCH_SIZE, defaultValue = "32") int batchSize,
                                  EmbeddingCache cache) {
        return new CachingEmbeddingModel(new OnnxEmbeddingModel(Variant.named(provider)), cache, batchSize);
    }
}
