package io.aegisrag.retrieval.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.aegisrag.core.port.EmbeddingModel;

import java.util.List;

/** {@link EmbeddingModel} running all-MiniLM-L6-v2 (384 dimensions) in process through ONNX Runtime. */
public final class MiniLmEmbeddingModel implements EmbeddingModel {

    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String serviceName() {
        return "minilm";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }
}
