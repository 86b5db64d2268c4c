package io.aegisrag.retrieval.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RelationStatementsTest {

    @Test
    void should_relate_a_name_to_the_next_by_the_words_between_them() {
        assertThat(RelationStatements.of("Alice Smith works at Acme Corp. Acme Corp depends on Kafka."))
                .extracting(s -> s.subject().id(), Statement::relation, s -> s.object().id(), Statement::sentence)
                .containsExactly(tuple("alice-smith", "works_at", "acme-corp", "Alice Smith works at Acme Corp"),
                        tuple("acme-corp", "depends_on", "kafka", "Acme Corp depends on Kafka"));
    }

    @Test
    void should_give_one_name_to_the_phrasings_of_one_relation() {
        assertThat(RelationStatements.of("Alice joined Globex! Bob now works for Initech\nCarol has moved to Berlin"))
                .extracting(Statement::relation)
                .containsExactly("works_at", "works_at", "lives_in");
    }

    @Test
    void should_name_a_relation_without_the_auxiliary_in_front_of_its_verb() {
        assertThat(RelationStatements.of("Marie Curie was born in Warsaw. Qdrant is written in Rust. Quillon is the client of Vorastore."))
                .extracting(Statement::relation).containsExactly("born_in", "written_in", "is_the_client_of");
    }

    @Test
    void should_take_the_verb_and_not_a_noun_between_two_names_for_the_relation() {
        assertThat(RelationStatements.of("Marguerite moved the Zanzibar cluster to Frankfurt."))
                .extracting(s -> s.subject().id(), Statement::relation, s -> s.object().id())
                .containsExactly(tuple("marguerite", "moved", "zanzibar"));
    }

    @Test
    void should_find_no_relation_in_a_list_a_long_clause_or_across_sentences() {
        assertThat(RelationStatements.of("Alice and Bob. Kafka, Pulsar. Alice said that in the end she would probably go to Globex. "
                + "Alice works. Globex hires")).isEmpty();
    }
}
