package io.aegisrag.coordinator.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/query}. {@code retrievers}, when given, restricts the retrieval to
 * the retrievers it names (to compare them, or to see what one finds alone).
 */
public record QueryRequest(
        @NotBlank @Size(max = 4000) String query,
        @Pattern(regexp = "auto|vector|graph|hybrid|memory", message = "must be one of auto, vector, graph, hybrid, memory") String mode,
        @Min(1) @Max(50) Integer topK,
        @Size(max = 200) String sessionId,
        @Size(max = 200) String model,
        @Size(max = 5) List<@Pattern(regexp = "vector|bm25|graph|graph_global|memory", message = "must be one of vector, bm25, graph, graph_global, memory") String> retrievers) {

    public static final int DEFAULT_TOP_K = 5;

    public int topKOrDefault() {
        return topK == null ? DEFAULT_TOP_K : topK;
    }
}
