package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingFeaturesTest {

    private static final DocumentId COLLECTIONS = DocumentId.random();
    private static final DocumentId HEAPQ = DocumentId.random();

    private static Context candidate(DocumentId document, int position, String section, String text, double fused,
                                     Map<Retriever, Context.RetrieverRank> ranks) {
        return new Context(new Chunk(Chunk.idOf(document, position), document, section.split(" > ")[0], section.split(" > ")[0] + ".html", section, text,
                position), fused, ranks);
    }

    private static float feature(float[] row, String name) {
        return row[RankingFeatures.NAMES.indexOf(name)];
    }

    private final List<Context> candidates = List.of(
            candidate(HEAPQ, 0, "heapq > Basic examples", "A heap is a binary tree for which every parent node has a value less than"
                    + " or equal to any of its children. Ordered dictionaries are not heaps.", 0.9,
                    Map.of(Retriever.VECTOR, new Context.RetrieverRank(1, 0.71), Retriever.BM25, new Context.RetrieverRank(3, 4.0))),
            candidate(COLLECTIONS, 7, "collections > OrderedDict objects > move_to_end", "Move an existing key to either end of an"
                    + " ordered dictionary. The item is moved to the right end if last is true.", 0.6,
                    Map.of(Retriever.BM25, new Context.RetrieverRank(1, 9.5))),
            candidate(COLLECTIONS, 3, "collections > deque objects", "Deques support thread-safe appends and pops from either end,"
                    + " and the key of an ordered dictionary is not involved here at all in any way whatsoever.", 0.3,
                    Map.of(Retriever.VECTOR, new Context.RetrieverRank(2, 0.52))));

    @Test
    void should_give_one_row_of_every_named_feature_per_candidate() {
        float[][] rows = RankingFeatures.of("How do I push an existing key of an ordered dictionary to the end with move_to_end()?", candidates);

        assertThat(rows).hasNumberOfRows(3);
        assertThat(List.of(rows)).allSatisfy(row -> assertThat(row).hasSize(RankingFeatures.NAMES.size()));
        assertThat(RankingFeatures.NAMES).doesNotHaveDuplicates();
    }

    @Test
    void should_keep_what_each_retriever_said_and_leave_out_what_it_did_not() {
        float[][] rows = RankingFeatures.of("ordered dictionary key", candidates);

        assertThat(feature(rows[0], "vector_similarity")).isCloseTo(0.71f, within(1e-6f));
        assertThat(feature(rows[0], "vector_score")).isEqualTo(1f);
        assertThat(feature(rows[2], "vector_score")).isEqualTo(0f);
        assertThat(feature(rows[1], "vector_score")).isNaN();
        assertThat(feature(rows[1], "vector_reciprocal_rank")).isZero();
        assertThat(feature(rows[0], "bm25_reciprocal_rank")).isCloseTo(1 / 3f, within(1e-6f));
        assertThat(feature(rows[0], "retrievers")).isEqualTo(2f);
        assertThat(feature(rows[2], "fused_reciprocal_rank")).isCloseTo(1 / 3f, within(1e-6f));
        assertThat(feature(rows[1], "fused_score")).isCloseTo(0.6f / 0.9f, within(1e-6f));
    }

    @Test
    void should_see_the_question_in_the_heading_the_text_and_a_tight_span_of_the_passage_that_answers() {
        float[][] rows = RankingFeatures.of("How do I push an existing key of an ordered dictionary to the end with move_to_end()?", candidates);
        float[] answer = rows[1];
        float[] scattered = rows[2];

        assertThat(feature(answer, "identifiers_in_section")).isEqualTo(1f);
        assertThat(feature(scattered, "identifiers_in_section")).isZero();
        assertThat(feature(answer, "idf_in_heading")).isGreaterThan(feature(scattered, "idf_in_heading"));
        assertThat(feature(answer, "terms_in_text")).isGreaterThan(feature(scattered, "terms_in_text"));
        assertThat(feature(answer, "span_density")).isGreaterThan(0.5f);
        assertThat(feature(answer, "best_window")).isGreaterThan(feature(rows[0], "best_window"));
        assertThat(feature(answer, "bm25_text")).isGreaterThan(feature(rows[0], "bm25_text"));
        assertThat(feature(answer, "document_candidates")).isEqualTo(2f);
        assertThat(feature(scattered, "document_reciprocal_rank")).isEqualTo(0.5f);
        assertThat(feature(answer, "section_depth")).isEqualTo(3f);
    }

    @Test
    void should_mark_identifiers_missing_when_the_question_names_none() {
        float[][] rows = RankingFeatures.of("are heaps binary trees", candidates);

        assertThat(feature(rows[0], "identifiers_in_text")).isNaN();
        assertThat(feature(rows[0], "terms_in_text")).isEqualTo(1f);
        assertThat(feature(rows[1], "terms_in_text")).isZero();
    }
}
