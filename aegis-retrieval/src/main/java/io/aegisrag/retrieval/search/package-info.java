/** The retrievers (vector, BM25, local and global graph, memory) and the hybrid retriever that runs them in parallel, fuses their rankings and reranks the fused candidates. */
package io.aegisrag.retrieval.search;
