package io.aegisrag.coordinator.query;

import java.util.List;
import java.util.Map;

/** The reply of {@code POST /api/v1/query}; {@code latencyMs} is keyed by stage. */
public record QueryResult(String queryId, String answer, String intent, String model, List<Source> sources,
                          Map<String, Double> latencyMs) {

    /**
     * A context the answer may cite; {@code [n]} in the answer is the n-th source. {@code score} is the
     * fused score; {@code ranks} and {@code scores} give, for each retriever that found the chunk, its
     * 1-based rank and that retriever's own score, so a reader can see why it was chosen.
     */
    public record Source(String id, String documentId, String title, String source, String section, String text,
                         double score, List<String> retrievers, Map<String, Integer> ranks, Map<String, Double> scores) {
    }
}
