package io.aegisrag.coordinator.memory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/memory/episodes}; {@code referenceTime} is an ISO-8601 instant, now when absent. */
public record EpisodeRequest(
        @NotBlank @Size(max = 200) String sessionId,
        @NotBlank @Size(max = 100_000) String content,
        @Size(max = 64) String referenceTime) {
}
