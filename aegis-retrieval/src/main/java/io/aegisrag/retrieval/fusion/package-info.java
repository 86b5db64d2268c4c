/** Reciprocal Rank Fusion and the intent weights it applies. */
package io.aegisrag.retrieval.fusion;
