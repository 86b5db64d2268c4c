package io.aegisrag.coordinator.rest;

import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.testing.TimeBound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFieldsTest {

    private static JsonFields fields(String json) {
        return JsonFields.parse(json);
    }

    @Test
    void should_read_present_fields_and_treat_absent_and_null_alike() {
        JsonFields fields = fields("{\"query\":\"q\",\"top_k\":7,\"mode\":null,\"metadata\":{\"team\":\"search\"}}");

        assertThat(fields.string("query")).isEqualTo("q");
        assertThat(fields.integer("top_k")).isEqualTo(7);
        assertThat(fields.string("mode")).isNull();
        assertThat(fields.string("session_id")).isNull();
        assertThat(fields.strings("metadata")).isEqualTo(Map.of("team", "search"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "{\"a\":1}", "5", "true"})
    void should_name_a_string_field_of_another_type(String value) {
        assertThatThrownBy(() -> fields("{\"query\":" + value + "}").string("query"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("query"))
                .hasMessageContaining("must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"five\"", "5.5", "1e40", "99999999999", "[5]"})
    void should_name_an_integer_field_that_is_not_a_32_bit_integer(String value) {
        assertThatThrownBy(() -> fields("{\"top_k\":" + value + "}").integer("top_k"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("top_k"));
    }

    @Test
    void should_name_the_metadata_entry_that_is_not_a_string() {
        assertThatThrownBy(() -> fields("{\"metadata\":{\"ok\":\"x\",\"bad\":3}}").strings("metadata"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("metadata.bad"));
        assertThatThrownBy(() -> fields("{\"metadata\":[\"x\"]}").strings("metadata"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_read_an_array_of_strings_and_name_the_element_that_is_not_one() {
        assertThat(fields("{\"retrievers\":[\"vector\",\"bm25\"]}").stringList("retrievers")).containsExactly("vector", "bm25");
        assertThat(fields("{}").stringList("retrievers")).isNull();
        assertThatThrownBy(() -> fields("{\"retrievers\":[\"vector\",7]}").stringList("retrievers"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("retrievers[1]"));
        assertThatThrownBy(() -> fields("{\"retrievers\":\"vector\"}").stringList("retrievers"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("retrievers"));
    }

    @Test
    void should_refuse_deeply_nested_json_quickly_without_overflowing_the_stack() {
        String nested = "{\"metadata\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";

        assertThatThrownBy(() -> TimeBound.within(Duration.ofSeconds(2), () -> JsonFields.parse(nested)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void should_read_nul_bytes_lone_surrogates_and_right_to_left_marks_as_they_are() {
        JsonFields fields = fields("{\"query\":\"a\\u0000b\\ud800c\\u202Ed\"}");

        assertThat(fields.string("query")).isEqualTo("a\u0000b\uD800c\u202Ed");
    }
}
