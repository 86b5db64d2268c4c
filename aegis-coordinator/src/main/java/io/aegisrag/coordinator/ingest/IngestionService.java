package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Adds, lists, reads and removes documents; a failed ingestion leaves no trace in any store. */
public interface IngestionService {

    IngestionResult ingest(@NotNull @Valid DocumentRequest body);

    Page<DocumentSummary> list(@Min(0) int offset, @Min(1) @Max(100) int limit);

    /** @throws io.aegisrag.core.error.NotFoundException when no document has this id */
    Document get(String documentId);

    /** @throws io.aegisrag.core.error.NotFoundException when no document has this id */
    void delete(String documentId);
}
