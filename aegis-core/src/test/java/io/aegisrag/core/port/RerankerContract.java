package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.query.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Reranker} that ranks by relevance does: one finite score per candidate, in the
 * candidates' order, the passage that answers the question highest, the same scores when asked the
 * same again. The candidates come with the same fused score, so only their text tells them apart. A
 * reranker behind a server is given one that replays a ranking with the answering
 * passage first: the contract then checks what the adapter makes of it.
 */
public abstract class RerankerContract {

    protected static final String QUESTION = "How often does the lamp of the lighthouse turn?";
    private static final DocumentId DOCUMENT = DocumentId.random();
    protected static final List<Context> CANDIDATES = List.of(
            context(0, "The keeper", "The keeper feeds the gulls at noon and paints the railings every spring."),
            context(1, "The lamp", "The lamp turns once every twelve seconds and is seen from forty kilometres at sea."),
            context(2, "The cottage", "The keeper's cottage stands behind the lighthouse, sheltered from the western wind."));
    /** The position in {@link #CANDIDATES} of the passage that answers {@link #QUESTION}. */
    protected static final int ANSWER = 1;

    protected Reranker reranker;

    protected abstract Reranker createReranker() throws Exception;

    @BeforeEach
    void createTheReranker() throws Exception {
        reranker = createReranker();
    }

    private static Context context(int position, String section, String text) {
        return new Context(new Chunk(Chunk.idOf(DOCUMENT, position), DOCUMENT, "The lighthouse of Quellmar", "lighthouse.md", section, text,
                position), 0.5, Map.of());
    }

    @Test
    void should_give_one_finite_score_per_candidate() {
        double[] scores = reranker.scores(QUESTION, CANDIDATES);

        assertThat(scores).hasSize(CANDIDATES.size());
        assertThat(Arrays.stream(scores).allMatch(Double::isFinite)).as(Arrays.toString(scores)).isTrue();
    }

    @Test
    void should_score_the_passage_that_answers_above_the_others() {
        double[] scores = reranker.scores(QUESTION, CANDIDATES);

        assertThat(IntStream.range(0, scores.length).filter(i -> i != ANSWER))
                .allSatisfy(other -> assertThat(scores[ANSWER]).as(Arrays.toString(scores)).isGreaterThan(scores[other]));
    }

    @Test
    void should_give_the_same_scores_when_asked_the_same_again() {
        assertThat(reranker.scores(QUESTION, CANDIDATES)).containsExactly(reranker.scores(QUESTION, CANDIDATES));
    }

    @Test
    void should_name_itself_as_its_configuration_and_metrics_do() {
        assertThat(reranker.name()).matches("[a-z]+");
    }
}
