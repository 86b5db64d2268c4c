package io.aegisrag.retrieval.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.observability.interceptor.TrackedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Embeddings of recently seen texts, bounded in entries; lookups feed the {@code embedding} cache metrics. */
@ApplicationScoped
public class EmbeddingCache {

    private final Cache<String, float[]> vectors;

    @Inject
    public EmbeddingCache(@ConfigProperty(name = ConfigKeys.EMBEDDING_CACHE_SIZE, defaultValue = "10000") long maxEntries) {
        this.vectors = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** For the CDI client proxy only. */
    protected EmbeddingCache() {
        this.vectors = null;
    }

    @TrackedCache("embedding")
    public Optional<float[]> lookup(String text) {
        return Optional.ofNullable(vectors.getIfPresent(text));
    }

    public void put(String text, float[] vector) {
        vectors.put(text, vector);
    }
}
