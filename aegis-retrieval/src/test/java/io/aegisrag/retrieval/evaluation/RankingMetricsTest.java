package io.aegisrag.retrieval.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    private static List<Boolean> answerAt(int rank) {
        List<Boolean> answers = new java.util.ArrayList<>(Collections.nCopies(10, false));
        if (rank > 0) {
            answers.set(rank - 1, true);
        }
        return answers;
    }

    @Test
    void should_average_recall_reciprocal_rank_and_ndcg_over_the_questions() {
        RankingMetrics metrics = new RankingMetrics();
        metrics.add(answerAt(1));
        metrics.add(answerAt(3));
        metrics.add(answerAt(7));
        metrics.add(answerAt(0));

        RankingMetrics.Scores scores = metrics.scores();

        assertThat(scores.questions()).isEqualTo(4);
        assertThat(scores.recallAt1()).isEqualTo(0.25);
        assertThat(scores.recallAt5()).isEqualTo(0.5);
        assertThat(scores.recallAt10()).isEqualTo(0.75);
        assertThat(scores.mrrAt10()).isCloseTo((1 + 1.0 / 3 + 1.0 / 7) / 4, within(1e-12));
        assertThat(scores.ndcgAt10()).isCloseTo((1 + 1 / log2(4) + 1 / log2(8)) / 4, within(1e-12));
    }

    @Test
    void should_count_only_the_first_copy_of_the_passage_and_nothing_past_ten() {
        RankingMetrics metrics = new RankingMetrics();
        metrics.add(List.of(false, true, true, true));
        List<Boolean> eleventh = new java.util.ArrayList<>(Collections.nCopies(10, false));
        eleventh.add(true);
        metrics.add(eleventh);

        assertThat(metrics.scores().mrrAt10()).isCloseTo(0.25, within(1e-12));
        assertThat(metrics.scores().ndcgAt10()).isCloseTo(1 / log2(3) / 2, within(1e-12));
        assertThat(metrics.scores().recallAt10()).isEqualTo(0.5);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
