package io.aegisrag.coordinator.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** The body of {@code POST /api/v1/documents}. */
public record DocumentRequest(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) String source,
        @NotBlank String text,
        @Size(max = 50) Map<String, String> metadata) {
}
