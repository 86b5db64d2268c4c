/** Bulk ingestion as background jobs: files and archives uploaded at once, ingested one by one, journaled so that a restart resumes them. */
package io.aegisrag.coordinator.jobs;
