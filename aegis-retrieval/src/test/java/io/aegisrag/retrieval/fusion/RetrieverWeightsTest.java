package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.aegisrag.retrieval.fusion.NormalizedScoreFusionTest.hits;
import static org.assertj.core.api.Assertions.assertThat;

class RetrieverWeightsTest {

    private final Fusion fusion = Fusion.named("scores");

    @ParameterizedTest(name = "{0}: vector={1} bm25={2} graph={3} memory={4} graph_global={5}")
    @CsvSource({
            "VECTOR, 1.0, 0.5, 0.1, 0.5, 0.1",
            "GRAPH,  1.0, 1.0, 0.3, 0.5, 0.1",
            "HYBRID, 1.0, 1.0, 0.1, 0.5, 0.1",
            "MEMORY, 0.5, 0.2, 0.1, 1.0, 0"})
    void should_weigh_retrievers_by_intent(Intent intent, double vector, double bm25, double graph, double memory, double global) {
        Map<Retriever, Double> expected = new EnumMap<>(Map.of(Retriever.VECTOR, vector, Retriever.BM25, bm25,
                Retriever.GRAPH, graph, Retriever.MEMORY, memory));
        if (global > 0) {
            expected.put(Retriever.GRAPH_GLOBAL, global);
        }
        assertThat(RetrieverWeights.forIntent(intent)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void should_answer_a_memory_question_mainly_from_memory_and_others_from_the_documents() {
        Map<Retriever, List<ChunkHit>> rankings = Map.of(
                Retriever.VECTOR, hits("v1", 0.8, "v2", 0.6, "v3", 0.4),
                Retriever.BM25, hits("v1", 7.0, "v2", 3.0),
                Retriever.MEMORY, hits("m1", 0.9, "m2", 0.7));

        assertThat(fusion.fuse(rankings, RetrieverWeights.forIntent(Intent.MEMORY), 3)).extracting(context -> context.chunk().id())
                .containsExactly("m1", "v1", "v2");
        assertThat(fusion.fuse(rankings, RetrieverWeights.forIntent(Intent.VECTOR), 3)).extracting(context -> context.chunk().id())
                .containsExactly("v1", "m1", "v2");
    }

    @Test
    void should_let_the_graph_decide_between_close_chunks_for_graph_intent_only() {
        Map<Retriever, List<ChunkHit>> rankings = Map.of(
                Retriever.VECTOR, hits("v", 0.80, "g", 0.76, "far", 0.40),
                Retriever.BM25, hits("v", 5.2, "g", 5.0, "far", 1.0),
                Retriever.GRAPH, hits("g", 1.0, "other", 0.5));

        assertThat(fusion.fuse(rankings, RetrieverWeights.forIntent(Intent.GRAPH), 1).get(0).chunk().id()).isEqualTo("g");
        assertThat(fusion.fuse(rankings, RetrieverWeights.forIntent(Intent.VECTOR), 1).get(0).chunk().id()).isEqualTo("v");
    }
}
