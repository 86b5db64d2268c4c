package io.aegisrag.retrieval.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void should_split_at_full_stops_marks_and_line_breaks() {
        assertThat(Sentences.of("Lucene is fast. Is Qdrant? Yes!\nA heading\n\n  v1.2 is out."))
                .containsExactly("Lucene is fast", "Is Qdrant", "Yes", "A heading", "v1.2 is out");
    }

    @Test
    void should_split_after_an_abbreviation_that_often_ends_a_sentence() {
        assertThat(Sentences.of("Alice works at Acme Corp. Acme Corp depends on Kafka, Redis etc. It runs."))
                .containsExactly("Alice works at Acme Corp", "Acme Corp depends on Kafka, Redis etc", "It runs");
    }

    @Test
    void should_not_split_after_a_title_an_abbreviation_or_an_initial() {
        assertThat(Sentences.of("Dr. Curie met Prof. Langevin, e.g. in Paris. J. R. R. Tolkien wrote."))
                .containsExactly("Dr. Curie met Prof. Langevin, e.g. in Paris", "J. R. R. Tolkien wrote");
    }
}
