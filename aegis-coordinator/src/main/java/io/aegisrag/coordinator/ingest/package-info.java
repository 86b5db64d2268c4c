/** Ingestion: chunk, embed, index, extract, remember. */
package io.aegisrag.coordinator.ingest;
