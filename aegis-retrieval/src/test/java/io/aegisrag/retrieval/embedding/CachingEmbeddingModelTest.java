package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.port.EmbeddingModelContract;
import io.aegisrag.core.port.EmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache; in front of the in-process model, batching its misses by 8, also against the port's contract. */
class CachingEmbeddingModelTest extends EmbeddingModelContract {

    private static final OnnxEmbeddingModel MINILM_Q = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED);

    @Override
    protected EmbeddingModel createModel() {
        return new CachingEmbeddingModel(MINILM_Q, new EmbeddingCache(1_000, 8_000_000), 8);
    }

    /** Embeds a text as {length, first char}; records the batches it was sent. */
    static final class RecordingModel implements EmbeddingModel {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public List<float[]> embedAll(List<String> texts) {
            batches.add(List.copyOf(texts));
            return texts.stream().map(t -> new float[]{t.length(), t.charAt(0)}).toList();
        }

        /** A query embeds as its text with an instruction in front, as bge's queries do. */
        @Override
        public float[] embedQuery(String query) {
            return embed("query: " + query);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public String serviceName() {
            return "recording";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    private final RecordingModel recording = new RecordingModel();
    private final CachingEmbeddingModel caching = new CachingEmbeddingModel(recording, new EmbeddingCache(100, 1_000_000), 2);

    @Test
    void should_send_only_misses_to_the_model_in_batches_and_keep_the_order() {
        caching.embed("bb");

        List<float[]> vectors = caching.embedAll(List.of("a", "bb", "ccc", "dddd", "eeeee"));

        assertThat(recording.batches).containsExactly(List.of("bb"), List.of("a", "ccc"), List.of("dddd", "eeeee"));
        assertThat(vectors).extracting(v -> (int) v[0]).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void should_not_call_the_model_when_every_text_is_cached() {
        caching.embedAll(List.of("x", "y"));
        recording.batches.clear();

        caching.embedAll(List.of("y", "x"));

        assertThat(recording.batches).isEmpty();
    }

    @Test
    void should_embed_a_query_as_the_model_does_and_cache_it_apart_from_the_same_passage() {
        float[] passage = caching.embed("pin");
        float[] query = caching.embedQuery("pin");
        caching.embedQuery("pin");

        assertThat(passage[0]).isEqualTo(3);
        assertThat(query[0]).isEqualTo("query: pin".length());
        assertThat(recording.batches).containsExactly(List.of("pin"), List.of("query: pin"));
    }
}
