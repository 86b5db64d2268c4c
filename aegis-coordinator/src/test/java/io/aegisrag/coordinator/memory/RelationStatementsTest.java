package io.aegisrag.coordinator.memory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RelationStatementsTest {

    private final RelationStatements extractor = new RelationStatements();

    @Test
    void should_relate_a_name_to_the_next_by_the_words_between_them() {
        assertThat(extractor.statements("Alice Smith works at Acme Corp. Acme Corp depends on Kafka."))
                .extracting(s -> s.subject().id(), Statement::relation, s -> s.object().id(), Statement::sentence)
                .containsExactly(tuple("alice-smith", "works_at", "acme-corp", "Alice Smith works at Acme Corp"),
                        tuple("acme-corp", "depends_on", "kafka", "Acme Corp depends on Kafka"));
    }

    @Test
    void should_give_one_name_to_the_phrasings_of_one_relation() {
        assertThat(extractor.statements("Alice joined Globex! Bob now works for Initech\nCarol has moved to Berlin"))
                .extracting(Statement::relation)
                .containsExactly("works_at", "works_at", "lives_in");
    }

    @Test
    void should_take_the_verb_and_not_a_noun_between_two_names_for_the_relation() {
        assertThat(extractor.statements("Marguerite moved the Zanzibar cluster to Frankfurt."))
                .extracting(s -> s.subject().id(), Statement::relation, s -> s.object().id())
                .containsExactly(tuple("marguerite", "moved", "zanzibar"));
    }

    @Test
    void should_find_no_relation_in_a_list_a_long_clause_or_across_sentences() {
        assertThat(extractor.statements("Alice and Bob. Kafka, Pulsar. Alice said that in the end she would probably go to Globex. "
                + "Alice works. Globex hires")).isEmpty();
    }
}
