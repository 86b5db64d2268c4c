package io.aegisrag.retrieval.embedding;

import io.aegisrag.retrieval.embedding.MiniLmEmbeddingModel.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MiniLmEmbeddingModelTest {

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
        MiniLmEmbeddingModel model = new MiniLmEmbeddingModel(variant);

        List<float[]> vectors = model.embedAll(List.of(
                "How do I reset my password?",
                "I forgot my password and need to change it.",
                "The Danube flows into the Black Sea."));

        assertThat(model.serviceName()).isEqualTo(variant.provider());
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(model.dimension()));
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)) + 0.3);
    }

    @Test
    void should_choose_the_variant_the_configuration_names_and_refuse_others() {
        assertThat(Variant.named("minilm")).isEqualTo(Variant.FULL);
        assertThat(Variant.named("minilm-q")).isEqualTo(Variant.QUANTIZED);
        assertThatThrownBy(() -> Variant.named("bge-m3"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("aegis.embedding.provider must be one of [minilm, minilm-q], got 'bge-m3'");
    }
}
