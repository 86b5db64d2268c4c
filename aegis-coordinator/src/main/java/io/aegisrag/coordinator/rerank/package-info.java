/** The producer of the reranker of queries, chosen by {@code aegis.retrieval.rerank}. */
package io.aegisrag.coordinator.rerank;
