package io.aegisrag.coordinator.jobs;

/** One file of a job, as uploaded: its place in the job, its name, size and content hash. */
public record JobFile(int index, String name, long size, String sha256) {
}
