/** The Qdrant vector store over its REST API: dense vectors and BM25 sparse vectors in one collection, both searched in Qdrant. */
package io.aegisrag.retrieval.qdrant;
