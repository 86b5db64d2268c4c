/** The retrievers (vector, BM25, graph) and the hybrid retriever that fuses them. */
package io.aegisrag.retrieval.search;
