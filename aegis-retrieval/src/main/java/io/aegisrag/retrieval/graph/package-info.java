/**
 * The knowledge graph: the embedded and the Neo4j store; the extractors that fill it (OpenNLP, the
 * rules, and the chat chain through {@link io.aegisrag.core.port.ChatChain}); the episode readers that
 * read a conversation into entities and statements; entity names' embeddings; and the communities
 * with their summaries (extractive, or by the chat chain).
 */
package io.aegisrag.retrieval.graph;
