/** The embedded knowledge graph and the rule-based entity extractor that fills it. */
package io.aegisrag.retrieval.graph;
