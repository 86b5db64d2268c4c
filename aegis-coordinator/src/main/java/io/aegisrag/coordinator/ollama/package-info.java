/**
 * The Ollama-compatible API under {@code /api} (version, tags, show, chat and generate, streamed as
 * NDJSON), so that Open WebUI and Ollama's own libraries add the service as an Ollama connection.
 */
package io.aegisrag.coordinator.ollama;
