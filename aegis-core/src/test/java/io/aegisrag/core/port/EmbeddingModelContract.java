package io.aegisrag.core.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What every {@link EmbeddingModel} adapter must do. {@link #createModel} builds one that answers. */
public abstract class EmbeddingModelContract {

    private static final float TOLERANCE = 1e-4f;

    protected EmbeddingModel model;

    protected abstract EmbeddingModel createModel() throws Exception;

    @BeforeEach
    void createEmbeddingModel() throws Exception {
        model = createModel();
    }

    @Test
    void should_give_one_vector_of_its_dimension_per_text_in_the_order_of_the_texts() {
        List<String> texts = List.of("Apache Lucene indexes dense vectors in HNSW graphs.", "The keeper feeds the gulls at noon.",
                "Zürich liegt am See — ünïcödé.");

        List<float[]> vectors = model.embedAll(texts);

        assertThat(vectors).hasSize(texts.size()).allSatisfy(vector -> assertThat(vector).hasSize(model.dimension()));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(vectors.get(i)).as(texts.get(i)).containsExactly(model.embed(texts.get(i)), within(TOLERANCE));
        }
        assertThat(vectors.get(0)).isNotEqualTo(vectors.get(1));
    }

    @Test
    void should_keep_the_order_of_a_batch_larger_than_any_model_takes_at_once() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            texts.add("Sentence number " + i + " is about " + (i % 2 == 0 ? "vector search" : "lighthouse keepers") + ".");
        }

        List<float[]> vectors = model.embedAll(texts);

        assertThat(vectors).hasSize(texts.size());
        assertThat(vectors.get(69)).containsExactly(model.embed(texts.get(69)), within(TOLERANCE));
        assertThat(vectors.get(0)).containsExactly(model.embed(texts.get(0)), within(TOLERANCE));
    }

    @Test
    void should_embed_a_query_into_the_same_space_as_passages() {
        assertThat(model.embedQuery("what does the keeper feed?")).hasSize(model.dimension());
    }

    @Test
    void should_give_the_same_vector_for_the_same_text_every_time() {
        assertThat(model.embed("steady")).containsExactly(model.embed("steady"), within(TOLERANCE));
    }

    @Test
    void should_say_it_is_available_and_name_its_service() {
        assertThat(model.isAvailable()).isTrue();
        assertThat(model.serviceName()).isNotBlank();
        assertThat(model.dimension()).isPositive();
    }
}
