/** Memory adapters: conversation turns in Caffeine or Redis, and bi-temporal facts in the JVM, journaled in the data directory, or in Neo4j in Graphiti's schema. */
package io.aegisrag.memory;
