package io.aegisrag.coordinator.query;

import io.aegisrag.core.query.Context;
import io.aegisrag.llm.Generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reply of {@code POST /api/v1/query} (and the {@code done} event of {@code /api/v1/chat});
 * {@code latencyMs} is keyed by stage. {@code model} answered; {@code fallbacks} lists the providers
 * passed over before it, and why. {@code resolvedQuery}, when not null, is what was searched and asked
 * instead of the question: a follow-up joined to the previous question of its session.
 */
public record QueryResult(String queryId, String answer, String intent, String model, List<Source> sources,
                          Map<String, Double> latencyMs, Usage usage, List<Generation.Fallback> fallbacks,
                          String resolvedQuery) {

    /**
     * A context the answer may cite; {@code [n]} in the answer is the n-th source. {@code kind} is
     * {@code document} (a chunk of {@code documentId}) or {@code memory} (a fact of temporal memory,
     * its {@code id} the fact's, {@code section} when it held, no document). {@code page} is the page of
     * the document the chunk is on (none for a document without pages). {@code score} is the fused
     * score; {@code ranks} and {@code scores} give, for each retriever that found it, its 1-based rank
     * and that retriever's own score, so a reader can see why it was chosen; when the contexts were
     * reranked, {@code ranks.rerank} and {@code scores.rerank} give its place and score after reranking
     * (the sources are in that order).
     */
    public record Source(String id, String kind, String documentId, String title, String source, String section, Integer page,
                         String text, double score, List<String> retrievers, Map<String, Integer> ranks, Map<String, Double> scores) {

        private static final String RERANK = "rerank";

        /** The source a retrieved context becomes. */
        public static Source of(Context context) {
            var chunk = context.chunk();
            Map<String, Integer> ranks = new LinkedHashMap<>();
            Map<String, Double> scores = new LinkedHashMap<>();
            new TreeMap<>(context.ranks()).forEach((retriever, rank) -> {
                ranks.put(retriever.label(), rank.rank());
                scores.put(retriever.label(), rank.score());
            });
            List<String> retrievers = List.copyOf(ranks.keySet());
            if (context.rerank() != null) {
                ranks.put(RERANK, context.rerank().rank());
                scores.put(RERANK, context.rerank().score());
            }
            String documentId = chunk.documentId() == null ? null : chunk.documentId().value();
            return new Source(chunk.id(), chunk.kind().label(), documentId, chunk.title(), chunk.source(),
                    chunk.section(), chunk.page() > 0 ? chunk.page() : null, chunk.text(), context.score(), retrievers, ranks, scores);
        }
    }

    /**
     * What the answer used: tokens as the provider counted them ({@code estimated} when it gave no
     * count), its cost in USD, and whether it came from the LLM response cache (then nothing was used).
     */
    public record Usage(long promptTokens, long completionTokens, double costUsd, String provider, String model,
                        boolean estimated, boolean cached, double timeToFirstTokenMs) {
    }
}
