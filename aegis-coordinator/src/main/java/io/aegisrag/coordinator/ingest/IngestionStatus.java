package io.aegisrag.coordinator.ingest;

import java.util.Locale;

/** What became of one document or file: the {@code status} label of {@code aegis_ingestion_documents_total}. */
public enum IngestionStatus {
    /** Stored. */
    INGESTED,
    /** A file whose content is already stored, not ingested again. */
    SKIPPED,
    /** Refused or failed; nothing of it is stored. */
    FAILED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
