package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReciprocalRankFusionTest {

    private static final DocumentId DOC = DocumentId.random();
    private final ReciprocalRankFusion rrf = new ReciprocalRankFusion(60);

    private static List<ChunkHit> ranking(String... ids) {
        return Arrays.stream(ids).map(id -> new ChunkHit(new Chunk(id, DOC, "t", "s", "", id, 0), 1.0)).toList();
    }

    @Test
    void should_sum_weighted_reciprocal_ranks_over_the_retrievers_that_found_a_chunk() {
        List<Context> fused = rrf.fuse(
                Map.of(Retriever.VECTOR, ranking("a", "b"), Retriever.BM25, ranking("b", "c")),
                Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.5), 10);

        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("b", "a", "c");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 0.5 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(0.5 / 62, within(1e-12));
        assertThat(fused.get(0).retrievers()).containsExactlyInAnyOrder(Retriever.VECTOR, Retriever.BM25);
    }

    @Test
    void should_ignore_a_retriever_without_weight_and_cut_at_top_k() {
        List<Context> fused = rrf.fuse(
                Map.of(Retriever.VECTOR, ranking("a", "b", "c"), Retriever.GRAPH, ranking("z")),
                Map.of(Retriever.VECTOR, 1.0), 2);

        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("a", "b");
    }

    @Test
    void should_break_ties_by_best_rank_then_chunk_id() {
        List<Context> fused = rrf.fuse(
                Map.of(Retriever.VECTOR, ranking("b", "a"), Retriever.BM25, ranking("a", "b")),
                Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0), 10);

        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("a", "b");
    }

    @Test
    void should_return_nothing_when_no_retriever_found_anything() {
        assertThat(rrf.fuse(Map.of(), Map.of(Retriever.VECTOR, 1.0), 5)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: vector={1} bm25={2} graph={3}")
    @CsvSource({
            "VECTOR, 1.0, 0.6, 0.3",
            "GRAPH,  0.6, 0.4, 1.0",
            "HYBRID, 1.0, 1.0, 0.8",
            "MEMORY, 0.8, 0.6, 0.3"})
    void should_weigh_retrievers_by_intent(Intent intent, double vector, double bm25, double graph) {
        assertThat(RetrieverWeights.forIntent(intent)).containsExactlyInAnyOrderEntriesOf(
                Map.of(Retriever.VECTOR, vector, Retriever.BM25, bm25, Retriever.GRAPH, graph));
    }

    @Test
    void should_let_the_graph_win_for_graph_intent_and_the_vector_for_vector_intent() {
        Map<Retriever, List<ChunkHit>> rankings = Map.of(Retriever.VECTOR, ranking("v"), Retriever.GRAPH, ranking("g"));

        assertThat(rrf.fuse(rankings, RetrieverWeights.forIntent(Intent.GRAPH), 1).get(0).chunk().id()).isEqualTo("g");
        assertThat(rrf.fuse(rankings, RetrieverWeights.forIntent(Intent.VECTOR), 1).get(0).chunk().id()).isEqualTo("v");
    }
}
