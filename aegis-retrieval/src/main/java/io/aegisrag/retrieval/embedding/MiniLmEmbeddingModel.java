package io.aegisrag.retrieval.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.EmbeddingModel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link EmbeddingModel} running all-MiniLM-L6-v2 (384 dimensions) in process through ONNX Runtime,
 * in full precision or int8-quantized. The texts of a batch are encoded one by one, spread over an
 * executor's threads: by default langchain4j's own, one thread per core, idle threads dropped after a
 * second (bench/results/ingestion.md measures other counts).
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel {

    /** The two published builds of the model, named as {@code aegis.embedding.provider} names them. */
    public enum Variant {
        FULL("minilm", AllMiniLmL6V2EmbeddingModel::new, AllMiniLmL6V2EmbeddingModel::new),
        QUANTIZED("minilm-q", AllMiniLmL6V2QuantizedEmbeddingModel::new, AllMiniLmL6V2QuantizedEmbeddingModel::new);

        private final String provider;
        private final Supplier<AbstractInProcessEmbeddingModel> onDefaultExecutor;
        private final Function<Executor, AbstractInProcessEmbeddingModel> onExecutor;

        Variant(String provider, Supplier<AbstractInProcessEmbeddingModel> onDefaultExecutor,
                Function<Executor, AbstractInProcessEmbeddingModel> onExecutor) {
            this.provider = provider;
            this.onDefaultExecutor = onDefaultExecutor;
            this.onExecutor = onExecutor;
        }

        /** The variant {@code aegis.embedding.provider} names. */
        public static Variant named(String provider) {
            return Arrays.stream(values()).filter(v -> v.provider.equals(provider)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(ConfigKeys.EMBEDDING_PROVIDER + " must be one of "
                            + Arrays.stream(values()).map(Variant::provider).toList() + ", got '" + provider + "'"));
        }

        public String provider() {
            return provider;
        }
    }

    private final Variant variant;
    private final AbstractInProcessEmbeddingModel model;

    public MiniLmEmbeddingModel(Variant variant) {
        this(variant, variant.onDefaultExecutor.get());
    }

    public MiniLmEmbeddingModel(Variant variant, Executor executor) {
        this(variant, variant.onExecutor.apply(executor));
    }

    private MiniLmEmbeddingModel(Variant variant, AbstractInProcessEmbeddingModel model) {
        this.variant = variant;
        this.model = model;
    }

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
        return variant.provider();
    }

    /** Embeds one word. */
    @Override
    public boolean isAvailable() {
        return embed("ready").length == dimension();
    }
}
