package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RerankingTest {

    private static final DocumentId DOC = DocumentId.random();

    private final IsolatedMetrics isolated = new IsolatedMetrics();
    private final List<Integer> seen = new ArrayList<>();

    private static List<Context> fused(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Context(new Chunk(Chunk.idOf(DOC, i), DOC, "t", "s", "", "text " + i, i), 1.0 / (i + 1),
                Map.of())).toList();
    }

    /** A reranker that scores as told and notes how many candidates it was given. */
    private record Scripted(String name, BiFunction<String, List<Context>, double[]> scoring, List<Integer> seen) implements Reranker {

        @Override
        public double[] scores(String question, List<Context> candidates) {
            seen.add(candidates.size());
            return scoring.apply(question, candidates);
        }
    }

    private Reranker reranker(String name, BiFunction<String, List<Context>, double[]> scores) {
        return new Scripted(name, scores, seen);
    }

    private static List<Integer> positions(List<Context> contexts) {
        return contexts.stream().map(context -> context.chunk().position()).toList();
    }

    @Test
    void should_keep_the_best_top_k_of_the_fused_depth_in_the_rerankers_order_with_its_rank_and_score() {
        Reranking reranking = new Reranking(reranker("ltr", (q, candidates) ->
                candidates.stream().mapToDouble(c -> c.chunk().position() % 7).toArray()), 10, isolated.metrics());

        List<Context> reranked = reranking.rerank("q", fused(30), 3);

        assertThat(seen).containsExactly(10);
        assertThat(positions(reranked)).containsExactly(6, 5, 4);
        assertThat(reranked.get(0).rerank()).isEqualTo(new Context.RetrieverRank(1, 6.0));
        assertThat(reranked.get(2).rerank()).isEqualTo(new Context.RetrieverRank(3, 4.0));
        assertThat(reranked.get(0).score()).isEqualTo(1.0 / 7);
        assertThat(reranking.candidates(3)).isEqualTo(10);
        assertThat(reranking.candidates(25)).isEqualTo(25);
    }

    @Test
    void should_not_ask_the_reranker_when_nothing_was_found() {
        Reranking reranking = new Reranking(reranker("http", (q, candidates) -> new double[candidates.size()]), 40, isolated.metrics());

        assertThat(reranking.rerank("q", List.of(), 5)).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void should_break_ties_by_the_fused_order() {
        Reranking reranking = new Reranking(reranker("ltr", (q, candidates) -> new double[candidates.size()]), 40, isolated.metrics());

        assertThat(positions(reranking.rerank("q", fused(5), 5))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void should_keep_the_fused_order_and_count_the_fallback_when_the_reranker_fails() {
        Reranking failing = new Reranking(reranker("http", (q, candidates) -> {
            throw new AegisException(ErrorType.TIMEOUT, "the reranker did not answer within 2000 ms");
        }), 40, isolated.metrics());
        Reranking shortOfScores = new Reranking(reranker("llm", (q, candidates) -> new double[]{1}), 40, isolated.metrics());
        isolated.metrics().registerReranker("http");
        isolated.metrics().registerReranker("llm");
        PrometheusScrape before = isolated.scrape();

        List<Context> kept = failing.rerank("q", fused(8), 5);
        List<Context> alsoKept = shortOfScores.rerank("q", fused(8), 5);

        assertThat(positions(kept)).containsExactly(0, 1, 2, 3, 4);
        assertThat(kept).allSatisfy(context -> assertThat(context.rerank()).isNull());
        assertThat(positions(alsoKept)).containsExactly(0, 1, 2, 3, 4);
        PrometheusScrape after = isolated.scrape();
        assertThat(after.increaseSince(before, "aegis_rerank_fallbacks_total", Map.of("reranker", "http"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_rerank_fallbacks_total", Map.of("reranker", "llm"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "timeout"))).isEqualTo(1);
    }

    @Test
    void should_say_it_is_off_for_the_fused_order_and_refuse_a_depth_below_one() {
        Reranking none = new Reranking(Reranking.fusedOrder(), 40, isolated.metrics());

        assertThat(none.enabled()).isFalse();
        assertThat(none.candidates(5)).isEqualTo(5);
        assertThatThrownBy(() -> new Reranking(Reranking.fusedOrder(), 0, isolated.metrics()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aegis.retrieval.rerank.depth");
    }
}
