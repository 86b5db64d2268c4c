package io.aegisrag.coordinator.query;

import io.aegisrag.core.query.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
            "Compare BM25 and dense retrieval                           | HYBRID",
            "Qdrant vs Lucene for small corpora                         | HYBRID",
            "What are the trade-offs of HNSW?                           | HYBRID",
            "What did I ask you earlier?                                | MEMORY",
            "Remember what we discussed about budgets?                  | MEMORY",
            "As we talked about last time, which model was chosen?      | MEMORY"})
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
}
