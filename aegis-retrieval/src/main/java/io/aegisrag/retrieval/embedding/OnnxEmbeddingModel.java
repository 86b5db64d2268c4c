package io.aegisrag.retrieval.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.EmbeddingModel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link EmbeddingModel} running a small sentence encoder (384 dimensions) in process through ONNX
 * Runtime: all-MiniLM-L6-v2 or bge-small-en-v1.5, each in full precision or int8-quantized, or
 * e5-small-v2 int8-quantized. Questions and passages are embedded with the prefixes the model was
 * trained to see in front of them, if any. The texts of a batch are encoded
 * one by one, spread over an executor's threads: by default langchain4j's own, one thread per core,
 * idle threads dropped after a second (bench/results/ingestion.md measures other counts).
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

    /** The instruction bge-small-en-v1.5 was trained to see in front of a search query (its model card). */
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** The prefixes e5-small-v2 was trained with, in front of queries and of passages (its model card). */
    static final String E5_QUERY_PREFIX = "query: ";
    static final String E5_PASSAGE_PREFIX = "passage: ";

    /** The published builds, named as {@code aegis.embedding.provider} names them. */
    public enum Variant {
        FULL("minilm", "", "", AllMiniLmL6V2EmbeddingModel::new, AllMiniLmL6V2EmbeddingModel::new),
        QUANTIZED("minilm-q", "", "", AllMiniLmL6V2QuantizedEmbeddingModel::new, AllMiniLmL6V2QuantizedEmbeddingModel::new),
        BGE_SMALL("bge-small", BGE_QUERY_INSTRUCTION, "", BgeSmallEnV15EmbeddingModel::new, BgeSmallEnV15EmbeddingModel::new),
        BGE_SMALL_QUANTIZED("bge-small-q", BGE_QUERY_INSTRUCTION, "", BgeSmallEnV15QuantizedEmbeddingModel::new,
                BgeSmallEnV15QuantizedEmbeddingModel::new),
        E5_SMALL_QUANTIZED("e5-small-q", E5_QUERY_PREFIX, E5_PASSAGE_PREFIX, E5SmallV2QuantizedEmbeddingModel::new,
                E5SmallV2QuantizedEmbeddingModel::new);

        private final String provider;
        private final String queryInstruction;
        private final String passagePrefix;
        private final Supplier<AbstractInProcessEmbeddingModel> onDefaultExecutor;
        private final Function<Executor, AbstractInProcessEmbeddingModel> onExecutor;

        Variant(String provider, String queryInstruction, String passagePrefix, Supplier<AbstractInProcessEmbeddingModel> onDefaultExecutor,
                Function<Executor, AbstractInProcessEmbeddingModel> onExecutor) {
            this.provider = provider;
            this.queryInstruction = queryInstruction;
            this.passagePrefix = passagePrefix;
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

    public OnnxEmbeddingModel(Variant variant) {
        this(variant, variant.onDefaultExecutor.get());
    }

    public OnnxEmbeddingModel(Variant variant, Executor executor) {
        this(variant, variant.onExecutor.apply(executor));
    }

    private OnnxEmbeddingModel(Variant variant, AbstractInProcessEmbeddingModel model) {
        this.variant = variant;
        this.model = model;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return encode(texts.stream().map(text -> variant.passagePrefix + text).toList());
    }

    @Override
    public float[] embedQuery(String query) {
        return encode(List.of(variant.queryInstruction + query)).get(0);
    }

    private List<float[]> encode(List<String> texts) {
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
