package io.aegisrag.observability.interceptor;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import io.smallrye.metrics.MetricRegistryProducer;
import io.smallrye.metrics.SharedMetricRegistries;
import io.smallrye.metrics.exporters.PrometheusMetricsExporter;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableWeld
class InterceptorsTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AegisMetrics.class, MetricRegistryProducer.class,
                    TrackedStageInterceptor.class, TrackedCacheInterceptor.class, TrackedLlmCallInterceptor.class,
                    TrackedBeans.Stages.class, TrackedBeans.Outer.class, TrackedBeans.Cache.class, TrackedBeans.Model.class,
                    RecordingStageTracer.class)
            .build();

    @Inject
    TrackedBeans.Stages stages;

    @Inject
    TrackedBeans.Outer outer;

    @Inject
    TrackedBeans.Cache cache;

    @Inject
    TrackedBeans.Model model;

    @Inject
    RecordingStageTracer tracer;

    private PrometheusScrape before;

    @BeforeEach
    void scrapeBefore() {
        SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
        before = scrape();
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(new PrometheusMetricsExporter().exportAllScopes());
    }

    @Test
    void should_time_a_tracked_stage_into_real_histogram_buckets() {
        assertThat(stages.search("lucene")).isEqualTo("found lucene");

        PrometheusScrape scrape = scrape();
        assertThat(scrape.declares("aegis_query_latency_seconds", "histogram")).isTrue();
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "vector"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_bucket", Map.of("stage", "vector", "le", "+Inf"))).isEqualTo(1);
        assertThat(scrape.samples("aegis_query_latency_seconds_bucket", Map.of("stage", "vector")))
                .extracting(sample -> sample.labels().get("le"))
                .containsExactly("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.0", "5.0", "10.0", "+Inf");
    }

    @Test
    void should_time_and_count_a_failure_by_its_type_and_rethrow_it() {
        assertThatThrownBy(() -> stages.failWith(ErrorType.TIMEOUT)).isInstanceOf(AegisException.class);

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_errors_total", Map.of("error_type", "timeout"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "bm25"))).isEqualTo(1);
    }

    @Test
    void should_count_a_failure_once_when_it_escapes_nested_tracked_beans() {
        assertThatThrownBy(() -> outer.searchAndFail()).isInstanceOf(AegisException.class);

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_errors_total", Map.of("error_type", "database_error"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "retrieval"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_query_latency_seconds_count", Map.of("stage", "bm25"))).isEqualTo(1);
    }

    @Test
    void should_count_hits_and_misses_of_a_tracked_cache() {
        cache.lookup("known-1");
        cache.lookup("unknown-1");
        cache.lookup("unknown-2");

        PrometheusScrape scrape = scrape();
        assertThat(scrape.increaseSince(before, "aegis_cache_hits_total", Map.of("cache_type", "embedding"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_cache_misses_total", Map.of("cache_type", "embedding"))).isEqualTo(2);
    }

    @Test
    void should_count_llm_calls_tokens_and_failures_by_provider_and_model() {
        model.generate(TrackedBeans.Model.prompt("question"), null, TokenSink.NONE);
        model.generate(TrackedBeans.Model.prompt("leave"), null, TokenSink.NONE);
        assertThatThrownBy(() -> model.generate(TrackedBeans.Model.prompt(""), null, TokenSink.NONE)).isInstanceOf(AegisException.class);

        PrometheusScrape scrape = scrape();
        Map<String, String> fake = Map.of("provider", "fake", "model", "fake-1");
        assertThat(scrape.increaseSince(before, "aegis_llm_requests_total", with(fake, "status", "success"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_llm_requests_total", with(fake, "status", "error"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_llm_requests_total", with(fake, "status", "cancelled"))).isEqualTo(1);
        assertThat(scrape.increaseSince(before, "aegis_llm_tokens_total", with(fake, "direction", "prompt"))).isEqualTo(24);
        assertThat(scrape.increaseSince(before, "aegis_llm_tokens_total", with(fake, "direction", "completion"))).isEqualTo(6);
        assertThat(scrape.increaseSince(before, "aegis_llm_latency_seconds_count", Map.of("provider", "fake"))).isEqualTo(3);
        assertThat(scrape.increaseSince(before, "aegis_llm_time_to_first_token_seconds_count", Map.of("provider", "fake"))).isEqualTo(2);
        assertThat(scrape.increaseSince(before, "aegis_errors_total", Map.of("error_type", "llm_error"))).isEqualTo(1);
    }

    @Test
    void should_trace_each_stage_in_a_span_that_ends_and_records_the_failure() {
        stages.search("q");
        assertThatThrownBy(() -> outer.searchAndFail()).isInstanceOf(AegisException.class);

        assertThat(tracer.events()).containsExactly(
                "vector", "vector closed",
                "retrieval", "bm25", "bm25 failed: failed on purpose", "bm25 closed",
                "retrieval failed: failed on purpose", "retrieval closed");
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(key, value);
        return all;
    }
}
