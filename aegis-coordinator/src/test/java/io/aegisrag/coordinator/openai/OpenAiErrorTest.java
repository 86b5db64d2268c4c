package io.aegisrag.coordinator.openai;

import io.aegisrag.coordinator.rest.Problem;
import io.aegisrag.core.error.ErrorType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiErrorTest {

    @Test
    void should_carry_the_detail_the_error_type_and_the_first_field_at_fault() {
        Problem problem = Problem.of(ErrorType.VALIDATION_ERROR, 400, "top_k must be at most 50",
                List.of(new Problem.FieldError("top_k", "must be at most 50"), new Problem.FieldError("model", "unknown")));

        OpenAiError error = OpenAiError.of(problem);

        assertThat(error.error()).isEqualTo(new OpenAiError.Body("top_k must be at most 50", "invalid_request_error", "top_k", "validation_error"));
    }

    @ParameterizedTest
    @CsvSource({"400, invalid_request_error", "413, invalid_request_error", "401, authentication_error", "403, permission_error",
            "404, not_found_error", "429, rate_limit_error", "500, server_error", "502, server_error", "504, server_error"})
    void should_class_the_status_as_openai_does(int status, String type) {
        OpenAiError error = OpenAiError.of(Problem.of(ErrorType.INTERNAL_ERROR, status, "x", List.of()));

        assertThat(error.error().type()).isEqualTo(type);
        assertThat(error.error().param()).isNull();
    }
}
