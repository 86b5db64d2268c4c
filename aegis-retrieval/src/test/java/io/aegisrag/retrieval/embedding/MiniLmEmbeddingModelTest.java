package io.aegisrag.retrieval.embedding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void should_place_paraphrases_closer_than_unrelated_sentences() {
        MiniLmEmbeddingModel model = new MiniLmEmbeddingModel();

        List<float[]> vectors = model.embedAll(List.of(
                "How do I reset my password?",
                "I forgot my password and need to change it.",
                "The Danube flows into the Black Sea."));

        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(model.dimension()));
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)) + 0.3);
    }
}
