package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.port.RerankerContract;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LtrRerankerTest extends RerankerContract {

    @Override
    protected Reranker createReranker() {
        return LtrReranker.shipped();
    }


    private static Context candidate(DocumentId document, int position, double fused) {
        return new Context(new Chunk(Chunk.idOf(document, position), document, "Timer", "Timer.html", "Timer > cancel()",
                "Terminates this timer, discarding any currently scheduled tasks.", position), fused,
                Map.of(Retriever.VECTOR, new Context.RetrieverRank(position + 1, 0.6 - position * 0.1)));
    }

    @Test
    void should_score_every_candidate_with_the_model_shipped_for_the_features_this_version_computes() {
        DocumentId timer = DocumentId.random();
        List<Context> candidates = List.of(candidate(timer, 0, 0.9), candidate(timer, 1, 0.4), candidate(timer, 2, 0.1));

        double[] scores = LtrReranker.shipped().scores("How do I stop a timer and drop its scheduled tasks?", candidates);

        assertThat(scores).hasSize(3);
        assertThat(Arrays.stream(scores).allMatch(Double::isFinite)).isTrue();
        assertThat(scores[0]).as("alike but for the fused score, the better fused stays ahead").isGreaterThan(scores[2]);
    }

    @Test
    void should_refuse_a_model_trained_on_other_features() {
        String json = """
                {"learner":{"feature_names":["bm25"],"learner_model_param":{"base_score":"5E-1","num_feature":"1"},
                 "gradient_booster":{"name":"gbtree","model":{"trees":[{"left_children":[-1],"right_children":[-1],"split_indices":[0],
                 "split_conditions":[0.5],"default_left":[0]}]}}}}""";
        TreeEnsemble other = TreeEnsemble.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(other.score(new float[]{3})).isEqualTo(1.0);
        assertThatThrownBy(() -> new LtrReranker(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trained on the features [bm25]");
    }
}
