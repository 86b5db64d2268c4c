/**
 * The OpenAI-compatible API under {@code /v1}: models, chat completions (plain and streamed) answered
 * by the RAG pipeline with their sources in an extra field, embeddings, and OpenAI's error shape.
 */
package io.aegisrag.coordinator.openai;
