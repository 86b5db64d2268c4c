package io.aegisrag.observability.metrics;

import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.BackingService;
import io.aegisrag.core.query.Intent;
import io.aegisrag.observability.testing.PrometheusScrape;
import io.aegisrag.observability.testing.IsolatedMetrics;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

class AegisMetricsTest {

    private final IsolatedMetrics isolated = new IsolatedMetrics();
    private final AegisMetrics metrics = isolated.metrics();
    private PrometheusScrape before;

    @BeforeEach
    void startFacade() {
        metrics.registerKnownSeries();
        before = scrape();
    }

    private PrometheusScrape scrape() {
        return isolated.scrape();
    }

    private static BackingService service(String name, AtomicBoolean up) {
        return new BackingService() {
            @Override
            public String serviceName() {
                return name;
            }

            @Override
            public boolean isAvailable() {
                return up.get();
            }
        };
    }

    @Test
    void should_export_every_metric_of_the_contract_once_the_app_has_started() {
        metrics.registerModel("extractive", "extractive");
        metrics.registerFallbacks("ollama", "extractive", List.of("timeout"));
        metrics.bindStoreSize(MetricName.VECTOR_POINTS, "lucene", () -> 0);
        metrics.bindStoreSize(MetricName.GRAPH_ENTITIES, "embedded_graph", () -> 0);
        metrics.bindStoreSize(MetricName.GRAPH_RELATIONS, "embedded_graph", () -> 0);
        metrics.bindServiceProbes("lucene", List.of(service("lucene", new AtomicBoolean(true))));
        metrics.registerIngestion(List.of("ingested", "failed"), List.of("parse", "index"));
        metrics.bindIngestionJobs("running", () -> 0);
        metrics.registerReranker("ltr");
        metrics.registerApiProtocols(List.of("rest", "mcp"));

        PrometheusScrape scrape = scrape();

        for (MetricName metric : MetricName.values()) {
            String type = metric.type().prometheusType();
            assertThat(scrape.declares(metric.exportedName(), type)).as("%s is exported as a %s", metric.exportedName(), type).isTrue();
        }
        for (ErrorType type : ErrorType.values()) {
            assertThat(scrape.samples("aegis_errors_total", Map.of("error_type", type.label()))).hasSize(1);
        }
        for (Intent intent : Intent.values()) {
            assertThat(scrape.samples("aegis_queries_total", Map.of("intent", intent.label(), "model", "extractive"))).hasSize(1);
        }
        for (Stage stage : Stage.values()) {
            assertThat(scrape.samples("aegis_query_latency_seconds_bucket", Map.of("stage", stage.label(), "le", "+Inf"))).hasSize(1);
        }
        assertThat(scrape.samples("aegis_ingestion_stage_seconds_count", Map.of("stage", "parse"))).hasSize(1);
        assertThat(scrape.samples("aegis_ingestion_documents_total", Map.of("status", "failed"))).hasSize(1);
        assertThat(scrape.value("aegis_rerank_fallbacks_total", Map.of("reranker", "ltr"))).isZero();
        assertThat(scrape.samples("aegis_cache_hits_total", Map.of())).extracting(sample -> sample.labels().get("cache_type"))
                .as("a series only for the caches there are").containsExactlyInAnyOrder("embedding", "llm");
    }

    @Test
    void should_count_api_calls_by_protocol_and_status_class() {
        metrics.registerApiProtocols(List.of("openai"));

        metrics.trackApiRequest("openai", 200);
        metrics.trackApiRequest("openai", 201);
        metrics.trackApiRequest("openai", 429);

        PrometheusScrape scrape = scrape();
        assertThat(scrape.value("aegis_api_requests_total", Map.of("protocol", "openai", "status", "2xx"))).isEqualTo(2);
        assertThat(scrape.value("aegis_api_requests_total", Map.of("protocol", "openai", "status", "4xx"))).isEqualTo(1);
        assertThat(scrape.value("aegis_api_requests_total", Map.of("protocol", "openai", "status", "5xx"))).isZero();
    }

    @Test
    void should_count_ingested_documents_their_chunks_and_stage_times() {
        metrics.trackIngestedDocument("ingested", 4);
        metrics.trackIngestedDocument("failed", 0);
        metrics.recordIngestionStage("embed", Duration.ofMillis(120));

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "ingested"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_ingestion_chunks_total", Map.of())).isEqualTo(4);
        assertThat(scrape.increaseSince(before, "aegis_ingestion_stage_seconds_sum", Map.of("stage", "embed"))).isCloseTo(0.12, within(1e-6));
    }

    @Test
    void should_count_a_query_and_record_each_stage_it_went_through() {
        metrics.trackQuery(Intent.GRAPH, "extractive", Map.of(Stage.RETRIEVAL, Duration.ofMillis(30), Stage.TOTAL, Duration.ofMillis(700)));

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_queries_total", Map.of("intent", "graph", "model", "extractive"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_bucket", Map.of("stage", "total", "le", "0.5"))).isZero();
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_bucket", Map.of("stage", "total", "le", "1.0"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_bucket", Map.of("stage", "retrieval", "le", "0.05"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "generation"))).isZero();
    }

    @Test
    void should_keep_the_series_of_two_providers_serving_a_model_of_the_same_name_apart() {
        metrics.registerModel("openai", "gpt-4o");
        metrics.trackLlmCall("openai", "gpt-4o", LlmCallStatus.SUCCESS, Duration.ofMillis(80), Duration.ofMillis(20), 120, 30);
        metrics.trackLlmCall("azure", "gpt-4o", LlmCallStatus.ERROR, Duration.ofMillis(900), null, 0, 0);
        metrics.trackQuery(Intent.HYBRID, "gpt-4o", Map.of());

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_llm_requests_total", Map.of("provider", "openai", "model", "gpt-4o", "status", "success"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_llm_requests_total", Map.of("provider", "openai", "model", "gpt-4o", "status", "error"))).isZero();
        assertThat(scrape.increaseSince(before, "aegis_llm_requests_total", Map.of("provider", "azure", "model", "gpt-4o", "status", "error"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_llm_tokens_total", Map.of("provider", "openai", "model", "gpt-4o", "direction", "prompt"))).isEqualTo(120);
        assertThat(scrape.increaseSince(before, "aegis_llm_tokens_total", Map.of("provider", "openai", "model", "gpt-4o", "direction", "completion"))).isEqualTo(30);
        assertThat(scrape.increaseSince(before, "aegis_llm_tokens_total", Map.of("provider", "azure", "model", "gpt-4o", "direction", "prompt"))).isZero();
        assertThat(scrape.increaseSince(before, "aegis_llm_latency_seconds_count", Map.of("provider", "azure"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_queries_total", Map.of("intent", "hybrid", "model", "gpt-4o"))).isEqualTo(1);
    }

    @Test
    void should_export_cost_spend_budget_and_fallbacks_with_the_values_fed() {
        metrics.registerModel("openai", "gpt-4o-mini");
        metrics.registerFallbacks("ollama", "openai", List.of("timeout", "unavailable"));
        PrometheusScrape registered = scrape();
        assertThat(registered.samples("aegis_llm_fallbacks_total", Map.of("from", "ollama", "to", "openai", "reason", "unavailable"))).isNotEmpty();

        metrics.trackLlmCost("openai", 0.25);
        metrics.trackLlmCost("openai", 0.125);
        metrics.bindLlmBudget("openai", () -> 7.5, () -> 10);
        metrics.trackFallback("ollama", "openai", "timeout");

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_llm_cost_usd_total", Map.of("provider", "openai"))).isEqualTo(0.375);
        assertThat(scrape.value("aegis_llm_monthly_spend_usd", Map.of("provider", "openai"))).isEqualTo(7.5);
        assertThat(scrape.value("aegis_llm_monthly_budget_usd", Map.of("provider", "openai"))).isEqualTo(10);
        assertThat(scrape.increaseSince(before, "aegis_llm_fallbacks_total", Map.of("from", "ollama", "to", "openai", "reason", "timeout"))).isEqualTo(1);
    }

    @Test
    void should_read_gauges_from_their_source_at_every_scrape() {
        AtomicLong facts = new AtomicLong(3);
        AtomicBoolean redisUp = new AtomicBoolean(true);
        metrics.updateMemoryFacts(FactType.SEMANTIC, facts::get);
        metrics.bindServiceProbes("redis", List.of(service("redis", redisUp)));

        assertThat(scrape().value("aegis_memory_facts_count", Map.of("fact_type", "semantic"))).isEqualTo(3);
        assertThat(scrape().value("aegis_service_up", Map.of("service", "redis"))).isEqualTo(1);

        facts.set(42);
        redisUp.set(false);

        assertThat(scrape().value("aegis_memory_facts_count", Map.of("fact_type", "semantic"))).isEqualTo(42);
        assertThat(scrape().value("aegis_service_up", Map.of("service", "redis"))).isZero();
    }

    @Test
    void should_report_a_service_behind_two_adapters_down_when_either_is() {
        AtomicBoolean graphUp = new AtomicBoolean(true);
        AtomicBoolean memoryUp = new AtomicBoolean(true);
        metrics.bindServiceProbes("neo4j", List.of(service("neo4j", graphUp), service("neo4j", memoryUp)));

        assertThat(scrape().value("aegis_service_up", Map.of("service", "neo4j"))).isEqualTo(1);
        memoryUp.set(false);
        assertThat(scrape().value("aegis_service_up", Map.of("service", "neo4j"))).isZero();
        memoryUp.set(true);
        graphUp.set(false);
        assertThat(scrape().value("aegis_service_up", Map.of("service", "neo4j"))).isZero();
    }

    @Test
    void should_count_the_same_failure_once_and_its_wrapper_not_at_all() {
        IllegalStateException failure = new IllegalStateException("boom");

        assertThat(metrics.trackError(failure)).isEqualTo(ErrorType.INTERNAL_ERROR);
        metrics.trackError(failure);
        metrics.trackError(new RuntimeException("wrapped", failure));

        assertThat(scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "internal_error"))).isEqualTo(1);
    }

    @Test
    void should_never_throw_into_the_caller_when_the_registry_fails() {
        MetricRegistry broken = mock(MetricRegistry.class, invocation -> {
            throw new IllegalStateException("registry is broken");
        });
        AegisMetrics failing = new AegisMetrics(broken);

        assertThatCode(() -> {
            failing.registerKnownSeries();
            failing.registerModel("p", "m");
            failing.trackQuery(Intent.VECTOR, "m", Map.of(Stage.TOTAL, Duration.ofMillis(1)));
            failing.trackCacheHit("embedding");
            failing.trackCacheMiss("embedding");
            failing.trackError(new IllegalStateException());
            failing.trackLlmCall("p", "m", LlmCallStatus.SUCCESS, Duration.ZERO, Duration.ZERO, 1, 1);
            failing.trackLlmCost("p", 0.5);
            failing.trackFallback("p", "q", "timeout");
            failing.bindLlmBudget("p", () -> 1, () -> 2);
            failing.updateMemoryFacts(FactType.ENTITY, () -> 1);
            failing.bindServiceProbes("x", List.of(service("x", new AtomicBoolean(true))));
        }).doesNotThrowAnyException();
    }
}
