package io.aegisrag.observability.metrics;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new InvalidInputException("query", "too long"), ErrorType.VALIDATION_ERROR),
                Arguments.of(new ConstraintViolationException(Set.of()), ErrorType.VALIDATION_ERROR),
                Arguments.of(new JsonbException("bad json"), ErrorType.VALIDATION_ERROR),
                Arguments.of(new NotFoundException("document", "x"), ErrorType.NOT_FOUND),
                Arguments.of(new AegisException(ErrorType.LLM_ERROR, "down"), ErrorType.LLM_ERROR),
                Arguments.of(new CompletionException(new AegisException(ErrorType.DATABASE_ERROR, "down")), ErrorType.DATABASE_ERROR),
                Arguments.of(new TimeoutException(), ErrorType.TIMEOUT),
                Arguments.of(new RuntimeException(new HttpTimeoutException("slow")), ErrorType.TIMEOUT),
                Arguments.of(new IllegalStateException("bug"), ErrorType.INTERNAL_ERROR));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void should_classify_each_failure_by_what_went_wrong(Throwable failure, ErrorType expected) {
        assertThat(ErrorClassifier.classify(failure)).isEqualTo(expected);
    }
}
