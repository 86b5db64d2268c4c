/**
 * Reranking of the fused candidates: the step that applies the configured {@link io.aegisrag.core.port.Reranker}
 * and keeps the fused order when it fails, the learned ranking in process ({@code ltr}: features of the
 * question and each candidate scored by trees trained with XGBoost), the cross-encoder served over HTTP, and the listwise ranking by the chat chain
 * ({@link io.aegisrag.core.port.ChatChain}).
 */
package io.aegisrag.retrieval.rerank;
