/**
 * Reranking of the fused candidates: the step that applies the configured {@link io.aegisrag.core.port.Reranker}
 * and keeps the fused order when it fails, the learned ranking in process ({@code ltr}: features of the
 * question and each candidate scored by trees trained with XGBoost), and the cross-encoder served over HTTP.
 */
package io.aegisrag.retrieval.rerank;
