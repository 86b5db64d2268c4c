/** Embedding models: in process on ONNX (all-MiniLM-L6-v2, bge-small-en-v1.5, e5-small-v2), or Ollama's {@code /api/embed}, chosen by configuration, and the cache in front of every model. */
package io.aegisrag.retrieval.embedding;
