package io.aegisrag.coordinator.ollama;

import io.aegisrag.coordinator.rest.Problem;

/** A failure as Ollama reports it: {@code {"error":"..."}}, with the HTTP status of the problem. */
public record OllamaError(String error) {

    public static OllamaError of(Problem problem) {
        return new OllamaError(problem.detail());
    }
}
