package it.io.aegisrag.coordinator;

import io.aegisrag.observability.metrics.MetricName;
import io.aegisrag.observability.testing.PrometheusScrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus reads from the running app moves by exactly what the app did. */
class MetricsIT {

    private static final List<String> QUERY_STAGES = List.of("intent_classification", "retrieval", "generation", "total", "first_token");

    @BeforeAll
    static void ingestCorpus() {
        Corpus.ingest("Lucene vector search", Corpus.LUCENE);
    }

    @AfterAll
    static void deleteCorpus() {
        Corpus.deleteAll();
    }

    /**
     * On embedded defaults the chat chain is the extractive model alone, which has nothing to fall back
     * to: its fallback series exist on the server whose chain has several providers.
     */
    @Test
    void should_export_every_metric_of_the_contract_with_its_type() {
        PrometheusScrape scrape = AegisClient.scrape();
        PrometheusScrape withFallbacks = LlmServer.scrape();

        for (MetricName metric : MetricName.values()) {
            String type = metric.type().prometheusType();
            PrometheusScrape server = metric == MetricName.LLM_FALLBACKS ? withFallbacks : scrape;
            assertThat(server.declares(metric.exportedName(), type)).as("# TYPE %s %s", metric.exportedName(), type).isTrue();
        }
        assertThat(withFallbacks.samples("aegis_llm_fallbacks_total", Map.of("from", "ollama", "to", "openai", "reason", "budget_exhausted"))).hasSize(1);
        assertThat(scrape.samples("aegis_llm_fallbacks_total", Map.of())).isEmpty();
        assertThat(scrape.samples("aegis_queries_total", Map.of("mp_scope", "application"))).hasSize(4);
        assertThat(scrape.samples("aegis_errors_total", Map.of())).extracting(sample -> sample.labels().get("error_type"))
                .containsExactlyInAnyOrder("validation_error", "not_found", "authentication_error", "permission_error", "rate_limited",
                        "llm_error", "database_error", "timeout", "internal_error");
    }

    @Test
    void should_count_a_query_by_intent_and_model_and_time_every_stage_in_real_buckets() {
        PrometheusScrape before = AegisClient.scrape();

        AegisClient.query("What does beamWidth control in Lucene?");

        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_queries_total", Map.of("intent", "vector", "model", "extractive"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_queries_total", Map.of("intent", "graph", "model", "extractive"))).isZero();
        for (String stage : QUERY_STAGES) {
            assertThat(after.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", stage))).as(stage).isEqualTo(1);
            assertThat(after.increaseSince(before, "aegis_query_latency_seconds_bucket", Map.of("stage", stage, "le", "+Inf"))).as(stage).isEqualTo(1);
        }
        for (String retriever : List.of("vector", "bm25", "graph", "memory", "graph_global", "rerank")) {
            assertThat(after.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", retriever))).as(retriever).isEqualTo(1);
        }
        assertThat(after.increaseSince(before, "aegis_llm_requests_total",
                Map.of("provider", "extractive", "model", "extractive", "status", "success"))).isEqualTo(1);
    }

    @Test
    void should_export_the_configured_latency_buckets_from_5_ms_to_10_s() {
        assertThat(AegisClient.scrape().samples("aegis_query_latency_seconds_bucket", Map.of("stage", "total")))
                .extracting(sample -> sample.labels().get("le"))
                .containsExactly("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.0", "5.0", "10.0", "+Inf");
    }

    @Test
    void should_export_latencies_as_buckets_without_client_side_quantiles() {
        PrometheusScrape scrape = AegisClient.scrape();

        assertThat(scrape.samples("aegis_query_latency_seconds", Map.of())).as("quantile series").isEmpty();
        assertThat(scrape.samples("aegis_llm_latency_seconds", Map.of())).as("quantile series").isEmpty();
        assertThat(scrape.samples("aegis_llm_latency_seconds_bucket", Map.of("provider", "extractive"))).isNotEmpty();
    }

    @Test
    void should_miss_the_embedding_cache_for_a_new_question_and_hit_it_when_asked_again() {
        String question = "Is there anything about " + UUID.randomUUID() + "?";
        PrometheusScrape before = AegisClient.scrape();

        AegisClient.query(question);
        PrometheusScrape afterFirst = AegisClient.scrape();
        AegisClient.query(question);
        PrometheusScrape afterSecond = AegisClient.scrape();

        Map<String, String> embedding = Map.of("cache_type", "embedding");
        assertThat(afterFirst.increaseSince(before, "aegis_cache_misses_total", embedding)).isEqualTo(1);
        assertThat(afterFirst.increaseSince(before, "aegis_cache_hits_total", embedding)).isZero();
        assertThat(afterSecond.increaseSince(afterFirst, "aegis_cache_hits_total", embedding)).isEqualTo(1);
        assertThat(afterSecond.increaseSince(afterFirst, "aegis_cache_misses_total", embedding)).isZero();
    }

    @Test
    void should_read_store_sizes_and_memory_facts_from_the_stores() {
        PrometheusScrape before = AegisClient.scrape();

        String id = AegisClient.ingestMarkdown("sizes", "Kafka feeds Flink with events.\n\nSpark batches them.");
        PrometheusScrape afterIngest = AegisClient.scrape();
        AegisClient.delete("/api/v1/documents/" + id);
        PrometheusScrape afterDelete = AegisClient.scrape();

        assertThat(afterIngest.increaseSince(before, "aegis_vector_points_count", Map.of("store", "lucene"))).isEqualTo(1);
        assertThat(afterIngest.increaseSince(before, "aegis_graph_entities_count", Map.of("store", "embedded_graph"))).isEqualTo(3);
        assertThat(afterIngest.increaseSince(before, "aegis_graph_relations_count", Map.of("store", "embedded_graph"))).isEqualTo(1);
        assertThat(afterIngest.increaseSince(before, "aegis_memory_facts_count", Map.of("fact_type", "episodic"))).isEqualTo(1);
        assertThat(afterIngest.increaseSince(before, "aegis_memory_facts_count", Map.of("fact_type", "entity"))).isEqualTo(3);
        assertThat(afterDelete.value("aegis_vector_points_count", Map.of("store", "lucene")))
                .isEqualTo(before.value("aegis_vector_points_count", Map.of("store", "lucene")));
        assertThat(afterDelete.value("aegis_graph_entities_count", Map.of("store", "embedded_graph")))
                .isEqualTo(before.value("aegis_graph_entities_count", Map.of("store", "embedded_graph")));
    }

    @Test
    void should_report_every_backing_service_up() {
        PrometheusScrape scrape = AegisClient.scrape();

        for (String service : List.of("lucene", "embedded_graph", "embedded_memory", "caffeine", "minilm-q", "extractive")) {
            assertThat(scrape.value("aegis_service_up", Map.of("service", service))).as(service).isEqualTo(1);
        }
    }
}
