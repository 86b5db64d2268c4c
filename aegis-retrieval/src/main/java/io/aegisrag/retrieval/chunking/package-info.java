/** Section-aware chunking with overlap. */
package io.aegisrag.retrieval.chunking;
