/** Measuring retrieval quality: questions with a known answering passage, and ranking metrics over them. */
package io.aegisrag.retrieval.evaluation;
