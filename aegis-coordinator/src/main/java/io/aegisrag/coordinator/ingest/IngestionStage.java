package io.aegisrag.coordinator.ingest;

import java.util.Locale;

/** The stages a document goes through when it is ingested: the {@code stage} label of {@code aegis_ingestion_stage_seconds}. */
public enum IngestionStage {
    PARSE, CHUNK, EMBED, EXTRACT, INDEX;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
