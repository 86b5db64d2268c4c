/** Embedding models: the in-process MiniLM default and the cache in front of every model. */
package io.aegisrag.retrieval.embedding;
