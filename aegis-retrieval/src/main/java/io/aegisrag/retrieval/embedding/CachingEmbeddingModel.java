package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.port.EmbeddingModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Puts an {@link EmbeddingCache} in front of a model and sends the misses to it in batches. */
public final class CachingEmbeddingModel implements EmbeddingModel {

    private static final String QUERY_KEY_PREFIX = "\u0000query\u0000";

    private final EmbeddingModel model;
    private final EmbeddingCache cache;
    private final int batchSize;

    public CachingEmbeddingModel(EmbeddingModel model, EmbeddingCache cache, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("embedding batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.cache = cache;
        this.batchSize = batchSize;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int index = i;
            cache.lookup(texts.get(i)).ifPresentOrElse(vector -> vectors[index] = vector, () -> missing.add(index));
        }
        for (int from = 0; from < missing.size(); from += batchSize) {
            List<Integer> batch = missing.subList(from, Math.min(from + batchSize, missing.size()));
            List<float[]> computed = model.embedAll(batch.stream().map(texts::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors[batch.get(j)] = computed.get(j);
                cache.put(texts.get(batch.get(j)), computed.get(j));
            }
        }
        return Arrays.asList(vectors);
    }

    /** Cached apart from passages: the same text embeds differently as a query when the model has a query instruction. */
    @Override
    public float[] embedQuery(String query) {
        String key = QUERY_KEY_PREFIX + query;
        return cache.lookup(key).orElseGet(() -> {
            float[] vector = model.embedQuery(query);
            cache.put(key, vector);
            return vector;
        });
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String serviceName() {
        return model.serviceName();
    }

    @Override
    public boolean isAvailable() {
        return model.isAvailable();
    }
}
