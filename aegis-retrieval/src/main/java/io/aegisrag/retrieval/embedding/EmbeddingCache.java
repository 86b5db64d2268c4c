package io.aegisrag.retrieval.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.observability.interceptor.TrackedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Embeddings of recently seen texts, bounded both in entries and in bytes (text and vector): each
 * entry weighs its bytes, and at least its share {@code maxBytes / maxEntries}, so neither bound can
 * be passed. Evictions run on the calling thread, not on the common pool. Lookups feed the
 * {@code embedding} cache metrics.
 */
@ApplicationScoped
public class EmbeddingCache {

    private static final int ENTRY_OVERHEAD_BYTES = 64;

    private final Cache<String, float[]> vectors;

    @Inject
    public EmbeddingCache(@ConfigProperty(name = ConfigKeys.EMBEDDING_CACHE_SIZE, defaultValue = "10000") long maxEntries,
                          @ConfigProperty(name = ConfigKeys.EMBEDDING_CACHE_MAX_BYTES, defaultValue = "67108864") long maxBytes) {
        if (maxEntries < 1 || maxBytes < maxEntries) {
            throw new IllegalArgumentException("the embedding cache needs at least one entry and a byte per entry, got "
                    + maxEntries + " entries and " + maxBytes + " bytes");
        }
        long share = maxBytes / maxEntries;
        this.vectors = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(maxBytes)
                .weigher((String text, float[] vector) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(share, ENTRY_OVERHEAD_BYTES + 2L * text.length() + 4L * vector.length)))
                .build();
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

    /** Evicts what the bounds require now; Caffeine otherwise does it in the background. */
    void cleanUp() {
        vectors.cleanUp();
    }

    long size() {
        return vectors.estimatedSize();
    }
}
