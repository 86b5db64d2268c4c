package io.aegisrag.retrieval.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.EmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * {@link EmbeddingModel} running a small sentence encoder (384 dimensions) in process through ONNX
 * Runtime: all-MiniLM-L6-v2 or bge-small-en-v1.5, each in full precision or int8-quantized, or
 * e5-small-v2 int8-quantized. Questions and passages are embedded with the prefixes the model was
 * trained to see in front of them, if any. Two ONNX sessions share the model: a question is encoded by one
 * with ONNX Runtime's thread pool (one thread per core, spinning between operators), the fastest for one
 * short text; the texts of a batch are spread over an executor's threads (by default langchain4j's own, one
 * per core), each encoded on its own thread by a session that neither splits the work nor spins, so that the
 * threads do not compete for the cores (bench/results/embedding-sessions.md).
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

    /** The instruction bge-small-en-v1.5 was trained to see in front of a search query (its model card). */
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** The prefixes e5-small-v2 was trained with, in front of queries and of passages (its model card). */
    static final String E5_QUERY_PREFIX = "query: ";
    static final String E5_PASSAGE_PREFIX = "passage: ";

    /** The published builds, named as {@code aegis.embedding.provider} names them, with the files their langchain4j jars hold. */
    public enum Variant {
        FULL("minilm", "", "", "all-minilm-l6-v2", PoolingMode.MEAN),
        QUANTIZED("minilm-q", "", "", "all-minilm-l6-v2-q", PoolingMode.MEAN),
        BGE_SMALL("bge-small", BGE_QUERY_INSTRUCTION, "", "bge-small-en-v1.5", PoolingMode.CLS),
        BGE_SMALL_QUANTIZED("bge-small-q", BGE_QUERY_INSTRUCTION, "", "bge-small-en-v1.5-q", PoolingMode.CLS),
        E5_SMALL_QUANTIZED("e5-small-q", E5_QUERY_PREFIX, E5_PASSAGE_PREFIX, "e5-small-v2-q", PoolingMode.MEAN);

        private final String provider;
        private final String queryInstruction;
        private final String passagePrefix;
        private final String files;
        private final PoolingMode pooling;

        Variant(String provider, String queryInstruction, String passagePrefix, String files, PoolingMode pooling) {
            this.provider = provider;
            this.queryInstruction = queryInstruction;
            this.passagePrefix = passagePrefix;
            this.files = files;
            this.pooling = pooling;
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

        private byte[] model() {
            try (InputStream model = resource(files + ".onnx")) {
                return model.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot load the " + provider + " embedding model: " + e.getMessage(), e);
            }
        }

        private OnnxBertBiEncoder encoder(byte[] model, boolean oneThread) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 InputStream tokenizer = resource(files + "-tokenizer.json")) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                if (oneThread) {
                    options.setIntraOpNumThreads(1);
                    options.addConfigEntry("session.intra_op.allow_spinning", "0");
                }
                return new OnnxBertBiEncoder(environment, environment.createSession(model, options), tokenizer, pooling);
            } catch (OrtException | IOException e) {
                throw new IllegalStateException("cannot load the " + provider + " embedding model: " + e.getMessage(), e);
            }
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = OnnxBertBiEncoder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in;
        }
    }

    private final Variant variant;
    private final AbstractInProcessEmbeddingModel questions;
    private final AbstractInProcessEmbeddingModel passages;

    public OnnxEmbeddingModel(Variant variant) {
        this(variant, null);
    }

    /** Spreads a batch's texts over {@code executor}'s threads; {@code null} for langchain4j's own. */
    public OnnxEmbeddingModel(Variant variant, Executor executor) {
        this.variant = variant;
        byte[] model = variant.model();
        this.questions = new Encoder(variant.encoder(model, false), executor);
        this.passages = new Encoder(variant.encoder(model, true), executor);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return encode(passages, texts.stream().map(text -> variant.passagePrefix + text).toList());
    }

    @Override
    public float[] embedQuery(String query) {
        return encode(questions, List.of(variant.queryInstruction + query)).get(0);
    }

    private static List<float[]> encode(AbstractInProcessEmbeddingModel model, List<String> texts) {
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

    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Encoder(OnnxBertBiEncoder encoder, Executor executor) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
