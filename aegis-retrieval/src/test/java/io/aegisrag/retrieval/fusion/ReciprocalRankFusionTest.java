package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;

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
        assertThat(fused.get(0).ranks()).containsEntry(Retriever.VECTOR, new Context.RetrieverRank(2, 1.0))
                .containsEntry(Retriever.BM25, new Context.RetrieverRank(1, 1.0));
        assertThat(fused.get(2).ranks()).containsOnlyKeys(Retriever.BM25);
    }

    @Test
    void should_keep_only_the_best_ranked_of_chunks_with_the_same_text() {
        Chunk original = new Chunk("config#4", DOC, "config", "s", "save-exact", "Saves an exact version.", 4);
        Chunk copy = new Chunk("install#9", DOC, "install", "s", "save-exact", "Saves an exact version.", 9);
        Chunk other = new Chunk("install#2", DOC, "install", "s", "", "Installs a package.", 2);

        List<Context> fused = rrf.fuse(
                Map.of(Retriever.VECTOR, List.of(new ChunkHit(original, 0.9), new ChunkHit(copy, 0.9), new ChunkHit(other, 0.5))),
                Map.of(Retriever.VECTOR, 1.0), 2);

        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("config#4", "install#2");
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
}
