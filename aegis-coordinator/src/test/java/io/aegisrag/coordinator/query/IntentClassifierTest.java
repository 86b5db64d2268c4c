package io.aegisrag.coordinator.query;

import io.aegisrag.core.query.Intent;
import io.aegisrag.core.testing.TimeBound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IntentClassifierTest {

    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "What is HNSW?                                              | VECTOR",
            "Explain reciprocal rank fusion                             | VECTOR",
            "How is Lucene related to Qdrant?                           | GRAPH",
            "Which services depend on Redis?                            | GRAPH",
            "What is the connection between Neo4j and Graphiti?         | GRAPH",
            "Which packages depend on lodash?                           | GRAPH",
            "How do I stop the caret prefix when I add a dependency?    | VECTOR",
            "Which name do I use when I link a local package?           | VECTOR",
            "What is the difference between npm ci and npm install?     | HYBRID",
            "Compare BM25 and dense retrieval                           | HYBRID",
            "Qdrant vs Lucene for small corpora                         | HYBRID",
            "What are the trade-offs of HNSW?                           | HYBRID",
            "What did I ask you earlier?                                | MEMORY",
            "Remember what we discussed about budgets?                  | MEMORY",
            "As we talked about last time, which model was chosen?      | MEMORY",
            "Where does Alice work now?                                 | MEMORY",
            "Which database do we currently use?                        | MEMORY",
            "How do I know a process is still running                   | VECTOR",
            "Is the now deprecated flag ignored?                        | VECTOR"})
    void should_classify_by_the_first_rule_that_matches(String query, Intent expected) {
        assertThat(classifier.classify(query)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "please tell me everything you know about the way the ingestion pipeline splits markdown documents into chunks and then embeds each of those chunks again | HYBRID",
            "short question | VECTOR"})
    void should_send_long_questions_to_hybrid_search(String query, Intent expected) {
        assertThat(classifier.classify(query)).isEqualTo(expected);
    }

    @Test
    void should_classify_two_mebibytes_of_one_word_or_many_in_linear_time() {
        int mebibytes = 2 * 1024 * 1024;
        assertThat(TimeBound.within(Duration.ofSeconds(2), () -> classifier.classify("a".repeat(mebibytes)))).isEqualTo(Intent.VECTOR);
        assertThat(TimeBound.within(Duration.ofSeconds(2), () -> classifier.classify("we ".repeat(mebibytes / 3)))).isEqualTo(Intent.HYBRID);
        assertThat(TimeBound.within(Duration.ofSeconds(2), () -> classifier.classify("\u200B".repeat(mebibytes)))).isEqualTo(Intent.VECTOR);
    }
}
