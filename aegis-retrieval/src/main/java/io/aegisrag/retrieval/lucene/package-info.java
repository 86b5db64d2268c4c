/** The embedded vector and BM25 store on Lucene. */
package io.aegisrag.retrieval.lucene;
