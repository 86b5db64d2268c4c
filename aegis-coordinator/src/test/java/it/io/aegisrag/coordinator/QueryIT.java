package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class QueryIT {

    private static String liberty;
    private static String lucene;
    private static String redis;

    @BeforeAll
    static void ingestCorpus() {
        liberty = Corpus.ingest("Open Liberty guide", Corpus.LIBERTY);
        lucene = Corpus.ingest("Lucene vector search", Corpus.LUCENE);
        redis = Corpus.ingest("Redis caching", Corpus.REDIS);
    }

    @AfterAll
    static void deleteCorpus() {
        Corpus.deleteAll();
    }

    private static JsonObject ask(JsonObject body) {
        AegisClient.Reply reply = AegisClient.postJson("/api/v1/query", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    private static JsonObject ask(String question) {
        return ask(Json.createObjectBuilder().add("query", question).build());
    }

    private static String topDocument(JsonObject answer) {
        return answer.getJsonArray("sources").getJsonObject(0).getString("document_id");
    }

    @Test
    void should_answer_from_the_document_that_holds_the_answer_and_cite_it() {
        JsonObject answer = ask("Which file lists the features that Liberty loads?");

        assertThat(answer.getString("answer")).contains("server.xml").contains("[1]");
        assertThat(topDocument(answer)).isEqualTo(liberty);
        assertThat(answer.getString("intent")).isEqualTo("vector");
        assertThat(answer.getString("model")).isEqualTo("extractive");
    }

    @Test
    void should_find_the_tuning_parameter_in_the_lucene_document() {
        JsonObject answer = ask("What does the maxConn parameter of HNSW control?");

        assertThat(answer.getString("answer")).contains("maxConn").contains("neighbours");
        assertThat(topDocument(answer)).isEqualTo(lucene);
    }

    @Test
    void should_name_the_eviction_policy_from_the_redis_document() {
        JsonObject answer = ask("Which eviction policy removes the least recently used keys?");

        assertThat(answer.getString("answer")).contains("allkeys-lru");
        assertThat(topDocument(answer)).isEqualTo(redis);
    }

    @Test
    void should_describe_each_source_with_its_text_score_and_retrievers() {
        JsonObject answer = ask(Json.createObjectBuilder().add("query", "How does BM25 rank keyword matches?").add("top_k", 2).build());

        assertThat(answer.getJsonArray("sources")).hasSize(2);
        JsonObject first = answer.getJsonArray("sources").getJsonObject(0);
        assertThat(first.getString("id")).startsWith(first.getString("document_id") + "#");
        assertThat(first.getString("text")).contains("BM25");
        assertThat(first.getString("title")).isEqualTo("Lucene vector search");
        assertThat(first.getJsonNumber("score").doubleValue()).isPositive();
        assertThat(first.getJsonArray("retrievers").getValuesAs(JsonString::getString)).contains("vector", "bm25");
    }

    @Test
    void should_rerank_the_fused_candidates_with_the_learned_ranking_and_time_the_stage() {
        PrometheusScrape before = AegisClient.scrape();

        JsonObject answer = ask(Json.createObjectBuilder().add("query", "Which HNSW parameter trades recall for indexing speed?").add("top_k", 4).build());

        List<JsonObject> sources = answer.getJsonArray("sources").getValuesAs(JsonObject.class);
        assertThat(sources).hasSize(4);
        for (int i = 0; i < sources.size(); i++) {
            assertThat(sources.get(i).getJsonObject("ranks").getInt("rerank")).isEqualTo(i + 1);
            assertThat(sources.get(i).getJsonArray("retrievers").getValuesAs(JsonString::getString)).isNotEmpty().doesNotContain("rerank");
        }
        List<Double> rerankScores = sources.stream().map(source -> source.getJsonObject("scores").getJsonNumber("rerank").doubleValue()).toList();
        assertThat(rerankScores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(topDocument(answer)).isEqualTo(lucene);
        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "rerank"))).isEqualTo(1);
        assertThat(after.value("aegis_rerank_fallbacks_total", Map.of("reranker", "ltr"))).isZero();
    }

    @Test
    void should_cite_only_sources_it_returned() {
        JsonObject answer = ask("What are the default HTTP and HTTPS ports?");

        Matcher citation = Pattern.compile("\\[(\\d+)]").matcher(answer.getString("answer"));
        int sources = answer.getJsonArray("sources").size();
        assertThat(citation.find()).isTrue();
        do {
            assertThat(Integer.parseInt(citation.group(1))).isBetween(1, sources);
        } while (citation.find());
        assertThat(answer.getString("answer")).contains("9080");
    }

    @Test
    void should_report_the_latency_of_every_stage() {
        JsonObject latency = ask("What is HNSW?").getJsonObject("latency_ms");

        assertThat(latency.keySet()).containsExactlyInAnyOrder("intent_classification", "retrieval", "generation", "total", "first_token");
        double total = latency.getJsonNumber("total").doubleValue();
        assertThat(latency.getJsonNumber("first_token").doubleValue()).isGreaterThanOrEqualTo(latency.getJsonNumber("retrieval").doubleValue());
        for (String stage : List.of("intent_classification", "retrieval", "generation", "first_token")) {
            assertThat(latency.getJsonNumber(stage).doubleValue()).isNotNegative().isLessThanOrEqualTo(total);
        }
    }

    @Test
    void should_route_relationship_questions_to_the_graph() {
        JsonObject answer = ask("How is Lettuce related to Redis?");

        assertThat(answer.getString("intent")).isEqualTo("graph");
        assertThat(topDocument(answer)).isEqualTo(redis);
        assertThat(answer.getJsonArray("sources").getJsonObject(0).getJsonArray("retrievers").getValuesAs(JsonString::getString))
                .contains("graph");
    }

    @Test
    void should_use_the_mode_the_caller_forces() {
        JsonObject answer = ask(Json.createObjectBuilder().add("query", "What is HNSW?").add("mode", "hybrid").build());

        assertThat(answer.getString("intent")).isEqualTo("hybrid");
    }

    @Test
    void should_give_a_distinct_id_to_every_query() {
        assertThat(ask("What is HNSW?").getString("query_id")).isNotEqualTo(ask("What is HNSW?").getString("query_id"));
    }

    @Test
    void should_answer_a_1300_word_question_with_every_retriever_and_no_internal_error() {
        String question = "How do I tune HNSW maxConn " + "q0 q1 q2 q3 q4 q5 q6 q7 q8 q9 ".repeat(129);
        PrometheusScrape before = AegisClient.scrape();

        AegisClient.Reply reply = AegisClient.postJson("/api/v1/query",
                Json.createObjectBuilder().add("query", question).add("mode", "hybrid").build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("sources").getJsonObject(0).getJsonArray("retrievers").toString()).contains("bm25");
        PrometheusScrape after = AegisClient.scrape();
        for (String type : List.of("internal_error", "database_error", "timeout")) {
            assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", type))).as(type).isZero();
        }
    }

    @Test
    void should_ingest_and_read_back_nul_bytes_lone_surrogates_and_right_to_left_marks() {
        String text = "Odd text: a\\u0000b, a lone \\ud800 surrogate and \\u202eright to left\\u202c marks about HNSW.";
        AegisClient.Reply created = AegisClient.post("/api/v1/documents", "application/json",
                "{\"title\":\"odd\",\"source\":\"odd.md\",\"text\":\"" + text + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("document_id");
        try {
            assertThat(AegisClient.get("/api/v1/documents/" + id).json().getString("text")).contains("\u0000b", "\u202eright");
            assertThat(AegisClient.post("/api/v1/query", "application/json", "{\"query\":\"\\u202esurrogate\\u0000 marks?\"}").status())
                    .isEqualTo(200);
        } finally {
            AegisClient.delete("/api/v1/documents/" + id);
        }
    }
}
