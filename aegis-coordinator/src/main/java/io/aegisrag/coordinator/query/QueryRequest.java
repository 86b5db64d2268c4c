package io.aegisrag.coordinator.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/query}. */
public record QueryRequest(
        @NotBlank @Size(max = 4000) String query,
        @Pattern(regexp = "auto|vector|graph|hybrid|memory", message = "must be one of auto, vector, graph, hybrid, memory") String mode,
        @Min(1) @Max(50) Integer topK,
        @Size(max = 200) String sessionId,
        @Size(max = 200) String model) {

    public static final int DEFAULT_TOP_K = 5;

    public int topKOrDefault() {
        return topK == null ? DEFAULT_TOP_K : topK;
    }
}
