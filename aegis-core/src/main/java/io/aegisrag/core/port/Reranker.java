package io.aegisrag.core.port;

import io.aegisrag.core.query.Context;

import java.util.List;

/**
 * Scores the fused candidates of a query by reading the question and each passage together (a
 * learned ranking over features of both, a cross-encoder, or a language model), so that the passage
 * that answers comes first. {@code aegis.retrieval.rerank} chooses it.
 */
public interface Reranker {

    /** The name {@code aegis.retrieval.rerank} gives this reranker, and the {@code reranker} label of its metrics. */
    String name();

    /**
     * One score per candidate, in the candidates' order; higher is better. The scores only order the
     * candidates of this call: they are not comparable across questions.
     *
     * @throws RuntimeException when the candidates cannot be scored (a server that is down or slow, a
     *                          reply that is not a ranking); the caller then keeps the fused order
     */
    double[] scores(String question, List<Context> candidates);
}
