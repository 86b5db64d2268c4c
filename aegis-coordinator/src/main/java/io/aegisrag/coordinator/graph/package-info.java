/** The knowledge graph's communities: the producer that chooses who summarises them. */
package io.aegisrag.coordinator.graph;
