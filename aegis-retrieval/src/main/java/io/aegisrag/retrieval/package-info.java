/**
 * Retrieval: chunking, embeddings, the vector/BM25 store, the knowledge graph, and the hybrid
 * retriever that runs every retriever in parallel and fuses their rankings.
 */
package io.aegisrag.retrieval;
