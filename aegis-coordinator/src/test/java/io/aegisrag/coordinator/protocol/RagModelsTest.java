package io.aegisrag.coordinator.protocol;

import io.aegisrag.core.error.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RagModelsTest {

    @Test
    void should_list_auto_mode_first_then_one_model_per_mode() {
        assertThat(RagModels.names()).containsExactly("aegisrag", "aegisrag-vector", "aegisrag-graph", "aegisrag-hybrid", "aegisrag-memory");
    }

    @ParameterizedTest
    @CsvSource({"aegisrag, auto", "aegisrag:latest, auto", "AegisRAG-Vector, vector", "aegisrag-graph:latest, graph",
            "' aegisrag-hybrid ', hybrid", "aegisrag-memory, memory"})
    void should_read_the_mode_of_a_model_with_or_without_its_tag(String model, String mode) {
        assertThat(RagModels.modeOf(model)).isEqualTo(mode);
    }

    @Test
    void should_answer_in_auto_mode_when_no_model_is_named() {
        assertThat(RagModels.modeOf(null)).isEqualTo("auto");
        assertThat(RagModels.modeOf(" ")).isEqualTo("auto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "llama3.2:latest", "aegisrag-auto", "aegisrag-", "aegisrag-vector:7b", "aegisragvector"})
    void should_refuse_a_model_it_does_not_serve_as_not_found(String model) {
        assertThatThrownBy(() -> RagModels.modeOf(model)).isInstanceOf(NotFoundException.class).hasMessageContaining(model);
    }
}
