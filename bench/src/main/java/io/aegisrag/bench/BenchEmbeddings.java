package io.aegisrag.bench;

import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.retrieval.embedding.CachingEmbeddingModel;
import io.aegisrag.retrieval.embedding.EmbeddingCache;
import io.aegisrag.retrieval.embedding.OllamaEmbeddingModel;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel;

import java.net.URI;
import java.time.Duration;

/**
 * The embedding model a quality benchmark names: an in-process one by its {@code aegis.embedding.provider}
 * name, or {@code ollama:MODEL:DIMENSION} for a model served by the Ollama at {@code AEGIS_OLLAMA_URL}
 * (default {@code http://localhost:11434}); cached as the service caches them.
 */
final class BenchEmbeddings {

    private BenchEmbeddings() {
    }

    static EmbeddingModel named(String provider) {
        EmbeddingModel model;
        if (provider.startsWith("ollama:")) {
            String[] parts = provider.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("name an Ollama model as ollama:MODEL:DIMENSION, got " + provider);
            }
            String url = System.getenv().getOrDefault("AEGIS_OLLAMA_URL", "http://localhost:11434");
            model = new OllamaEmbeddingModel(URI.create(url), parts[1], Integer.parseInt(parts[2]), Duration.ofMinutes(2));
        } else {
            model = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.named(provider));
        }
        return new CachingEmbeddingModel(model, new EmbeddingCache(100_000, 1L << 30), 32);
    }
}
