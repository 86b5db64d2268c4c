package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.EmbeddingModelContract;

/** The cache in front of the in-process model, batching its misses by 8: it must behave as the model does. */
class CachingEmbeddingModelContractTest extends EmbeddingModelContract {

    private static final OnnxEmbeddingModel MINILM_Q = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED);

    @Override
    protected EmbeddingModel createModel() {
        return new CachingEmbeddingModel(MINILM_Q, new EmbeddingCache(1_000, 8_000_000), 8);
    }
}
