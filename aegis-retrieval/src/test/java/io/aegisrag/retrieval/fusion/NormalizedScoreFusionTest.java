package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalizedScoreFusionTest {

    private static final DocumentId DOC = DocumentId.random();
    private final NormalizedScoreFusion fusion = new NormalizedScoreFusion();

    /** Hits named and scored in pairs: "a", 0.9, "b", 0.5 … */
    static List<ChunkHit> hits(Object... idsAndScores) {
        List<ChunkHit> hits = new ArrayList<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            String id = (String) idsAndScores[i];
            hits.add(new ChunkHit(new Chunk(id, DOC, "t", "s", "", id, 0), ((Number) idsAndScores[i + 1]).doubleValue()));
        }
        return hits;
    }

    @Test
    void should_sum_the_weighted_min_max_normalised_scores_of_each_retriever() {
        List<Context> fused = fusion.fuse(
                Map.of(Retriever.VECTOR, hits("a", 0.9, "b", 0.7, "c", 0.5), Retriever.BM25, hits("b", 12.0, "d", 4.0)),
                Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.5), 10);

        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("a", "b", "d", "c");
        assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(0.5 + 0.5 * 1.0, within(1e-12));
        assertThat(fused.get(1).ranks()).containsEntry(Retriever.VECTOR, new Context.RetrieverRank(2, 0.7))
                .containsEntry(Retriever.BM25, new Context.RetrieverRank(1, 12.0));
        assertThat(fused.get(2).score()).isZero();
        assertThat(fused.get(2).ranks()).containsOnlyKeys(Retriever.BM25);
        assertThat(fused.get(3).score()).isZero();
    }

    @Test
    void should_keep_a_sure_first_hit_first_where_rank_fusion_lets_agreeing_runners_up_pass_it() {
        Map<Retriever, List<ChunkHit>> rankings = Map.of(
                Retriever.VECTOR, hits("sure", 0.80, "x", 0.45, "y", 0.44, "z", 0.40),
                Retriever.BM25, hits("a", 10.0, "x", 7.0, "y", 6.9, "b", 2.0));
        Map<Retriever, Double> weights = Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0);

        assertThat(fusion.fuse(rankings, weights, 3)).extracting(c -> c.chunk().id()).containsExactly("a", "sure", "x");
        assertThat(new ReciprocalRankFusion(60).fuse(rankings, weights, 1).get(0).chunk().id()).isEqualTo("x");
    }

    @Test
    void should_count_every_hit_fully_when_a_retriever_gives_them_all_the_same_score() {
        List<Context> fused = fusion.fuse(Map.of(Retriever.GRAPH, hits("g1", 0.4, "g2", 0.4)), Map.of(Retriever.GRAPH, 0.3), 5);

        assertThat(fused).extracting(Context::score).containsExactly(0.3, 0.3);
        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("g1", "g2");
    }

    @Test
    void should_ignore_retrievers_without_weight_or_hits_and_collapse_copies() {
        Chunk original = new Chunk("config#4", DOC, "config", "s", "save-exact", "Saves an exact version.", 4);
        Chunk copy = new Chunk("install#9", DOC, "install", "s", "save-exact", "Saves an exact version.", 9);

        List<Context> fused = fusion.fuse(Map.of(
                        Retriever.VECTOR, List.of(new ChunkHit(original, 0.9), new ChunkHit(copy, 0.9)),
                        Retriever.BM25, List.of(),
                        Retriever.GRAPH, hits("z", 1.0)),
                Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0), 5);

        assertThat(fused).extracting(c -> c.chunk().id()).containsExactly("config#4");
    }

    @Test
    void should_be_chosen_by_name_and_refuse_unknown_names() {
        assertThat(Fusion.named("scores")).isInstanceOf(NormalizedScoreFusion.class);
        assertThat(Fusion.named("rrf")).isInstanceOf(ReciprocalRankFusion.class);
        assertThatThrownBy(() -> Fusion.named("borda"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("aegis.retrieval.fusion must be one of [scores, rrf], got 'borda'");
    }
}
