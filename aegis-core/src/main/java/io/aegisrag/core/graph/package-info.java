/** Entities, their mentions in chunks and the relations between them. */
package io.aegisrag.core.graph;
