/**
 * The domain of AegisRAG: records for documents, chunks, queries, facts and answers, the ports that
 * every adapter implements, the typed errors and the configuration keys. No I/O lives here.
 */
package io.aegisrag.core;
