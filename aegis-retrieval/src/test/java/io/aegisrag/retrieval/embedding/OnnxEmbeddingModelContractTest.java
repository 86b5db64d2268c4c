package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.EmbeddingModelContract;

/** The service's default embedding model, all-MiniLM-L6-v2 int8 in process, against the port's contract. */
class OnnxEmbeddingModelContractTest extends EmbeddingModelContract {

    private static final OnnxEmbeddingModel MINILM_Q = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED);

    @Override
    protected EmbeddingModel createModel() {
        return MINILM_Q;
    }
}
