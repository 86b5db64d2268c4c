/** The Ollama chat model: {@code /api/chat} streamed as NDJSON, and the models {@code /api/tags} lists. */
package io.aegisrag.llm.ollama;
