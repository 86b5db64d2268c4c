package io.aegisrag.core.testing;

import io.aegisrag.core.port.EmbeddingModel;

import java.util.List;

/** Deterministic 8-d vectors from the text's hash: an embedding model with nothing to load, for tests. */
public record HashEmbeddingModel(String serviceName) implements EmbeddingModel {

    public HashEmbeddingModel() {
        this("hash");
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(text -> {
            float[] vector = new float[8];
            vector[Math.floorMod(text.hashCode(), 8)] = 1;
            return vector;
        }).toList();
    }

    @Override
    public int dimension() {
        return 8;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }
}
