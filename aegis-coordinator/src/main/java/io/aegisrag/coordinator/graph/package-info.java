/** The knowledge graph's communities: who summarises them. */
package io.aegisrag.coordinator.graph;
