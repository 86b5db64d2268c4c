/** Markdown read with CommonMark into the blocks a reader sees, and section-aware chunking with overlap. */
package io.aegisrag.retrieval.chunking;
