/** The knowledge graph: the embedded and the Neo4j store, the OpenNLP and the rule-based extractors that fill it, entity names' embeddings, and the communities with their summaries. */
package io.aegisrag.retrieval.graph;
