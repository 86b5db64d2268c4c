package io.aegisrag.llm.prompt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CitationFilterTest {

    @Test
    void should_remove_citations_to_no_context_and_keep_the_others_and_other_brackets() {
        assertThat(CitationFilter.filter("Rust [2][7], Java [1], see [0] and [note] or a[] [12345]", 2))
                .isEqualTo("Rust [2], Java [1], see  and [note] or a[] [12345]");
    }

    @Test
    void should_give_the_same_text_whatever_the_pieces_it_arrives_in() {
        String text = "Qdrant [2] is fast [9][[1]] [3";
        String whole = CitationFilter.filter(text, 2);
        for (int cut = 0; cut <= text.length(); cut++) {
            CitationFilter filter = new CitationFilter(2);
            String streamed = filter.accept(text.substring(0, cut)) + filter.accept(text.substring(cut)) + filter.finish();
            assertThat(streamed).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(whole).isEqualTo("Qdrant [2] is fast [[1]] [3");
    }

    @Test
    void should_hold_back_only_what_may_still_be_a_citation() {
        CitationFilter filter = new CitationFilter(3);

        assertThat(filter.accept("Rust [")).isEqualTo("Rust ");
        assertThat(filter.accept("4")).isEmpty();
        assertThat(filter.accept("] and [3")).isEqualTo(" and ");
        assertThat(filter.accept("].")).isEqualTo("[3].");
    }
}
