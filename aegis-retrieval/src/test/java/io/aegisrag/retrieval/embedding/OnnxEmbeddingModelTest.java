package io.aegisrag.retrieval.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.EmbeddingModelContract;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process models; the service's default, all-MiniLM-L6-v2 int8, also against the port's contract. */
class OnnxEmbeddingModelTest extends EmbeddingModelContract {

    private static final OnnxEmbeddingModel MINILM_Q = new OnnxEmbeddingModel(Variant.QUANTIZED);

    @Override
    protected EmbeddingModel createModel() {
        return MINILM_Q;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void should_place_paraphrases_closer_than_unrelated_sentences(Variant variant) {
        OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant);

        List<float[]> vectors = model.embedAll(List.of(
                "How do I reset my password?",
                "I forgot my password and need to change it.",
                "The Danube flows into the Black Sea."));

        assertThat(model.serviceName()).isEqualTo(variant.provider());
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(model.dimension()));
        double unrelated = cosine(vectors.get(0), vectors.get(2)); // e5 places every pair of sentences close: the margin is relative
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(unrelated + 0.3 * (1 - unrelated));
    }

    @Test
    void should_choose_the_variant_the_configuration_names_and_refuse_others() {
        assertThat(Variant.named("minilm")).isEqualTo(Variant.FULL);
        assertThat(Variant.named("minilm-q")).isEqualTo(Variant.QUANTIZED);
        assertThat(Variant.named("bge-small")).isEqualTo(Variant.BGE_SMALL);
        assertThat(Variant.named("bge-small-q")).isEqualTo(Variant.BGE_SMALL_QUANTIZED);
        assertThat(Variant.named("e5-small-q")).isEqualTo(Variant.E5_SMALL_QUANTIZED);
        assertThatThrownBy(() -> Variant.named("bge-m3"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("aegis.embedding.provider must be one of [minilm, minilm-q, bge-small, bge-small-q, e5-small-q], got 'bge-m3'");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"BGE_SMALL", "BGE_SMALL_QUANTIZED", "E5_SMALL_QUANTIZED"})
    void should_embed_a_query_with_its_instruction_closer_to_the_passage_that_answers_it(Variant variant) {
        OnnxEmbeddingModel model = new OnnxEmbeddingModel(variant);
        String question = "how do I pin exact versions of dependencies";
        List<float[]> passages = model.embedAll(List.of(
                "Dependencies saved to package.json will be configured with an exact version rather than a range.",
                "The Danube flows into the Black Sea."));

        float[] query = model.embedQuery(question);

        assertThat(query).isNotEqualTo(model.embed(question));
        assertThat(cosine(query, passages.get(0))).isGreaterThan(cosine(query, passages.get(1)));
    }

    @Test
    void should_embed_a_minilm_query_as_any_text() {
        OnnxEmbeddingModel model = new OnnxEmbeddingModel(Variant.QUANTIZED);

        assertThat(model.embedQuery("pin versions")).isEqualTo(model.embed("pin versions"));
    }

    @Test
    void should_embed_passages_in_one_thread_sessions_exactly_as_langchain4j_own_model_does() {
        List<String> passages = IntStream.range(0, 12)
                .mapToObj(i -> "Section " + i + ". " + "The install command adds a package and every package it depends on. ".repeat(1 + 30 * i))
                .toList();

        List<float[]> ours = MINILM_Q.embedAll(passages);
        List<float[]> langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel()
                .embedAll(passages.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).toList();

        assertThat(ours).hasSameSizeAs(langchain4j);
        IntStream.range(0, passages.size()).forEach(i -> assertThat(ours.get(i)).as("passage %d", i).isEqualTo(langchain4j.get(i)));
    }
}
