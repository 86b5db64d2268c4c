/** The reranker of queries, chosen by {@code aegis.retrieval.rerank}, and the listwise reranking by the chat chain. */
package io.aegisrag.coordinator.rerank;
