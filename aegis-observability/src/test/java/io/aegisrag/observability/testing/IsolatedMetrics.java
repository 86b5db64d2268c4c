package io.aegisrag.observability.testing;

import io.aegisrag.observability.metrics.AegisMetrics;
import io.smallrye.metrics.SharedMetricRegistries;
import io.smallrye.metrics.exporters.PrometheusMetricsExporter;

import java.util.UUID;

/**
 * An {@link AegisMetrics} on a registry scope of its own (SmallRye Metrics, on Micrometer like
 * Liberty's), so that a test sees only what it recorded.
 */
public final class IsolatedMetrics {

    private final String scope = "test_" + UUID.randomUUID().toString().replace("-", "");
    private final AegisMetrics metrics = new AegisMetrics(SharedMetricRegistries.getOrCreate(scope));

    public AegisMetrics metrics() {
        return metrics;
    }

    /** What Prometheus would read from this scope now. */
    public PrometheusScrape scrape() {
        return PrometheusScrape.parse(new PrometheusMetricsExporter().exportOneScope(scope));
    }
}
