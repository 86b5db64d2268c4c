package io.aegisrag.deploy;

import io.aegisrag.observability.metrics.MetricName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every series that an alert, a recording rule or a panel reads is one the app exports (per the
 * {@link MetricName} contract, which MetricsIT proves against the running app) or one the rules
 * record, and it is filtered and grouped only by labels it has.
 */
class MetricContractTest {

    private static final Set<String> SCRAPE_LABELS = Set.of("job", "instance", "mp_scope");

    /**
     * What the stack's other exporters serve that rules read, with their labels, as documented: node-exporter's
     * meminfo collector; vLLM's {@code /metrics} (vllm-project/vllm docs/design/metrics.md: labels {@code model_name},
     * {@code engine}); dcgm-exporter's default counters (labels {@code gpu}, {@code UUID}, {@code device},
     * {@code modelName}, {@code Hostname}). PrometheusIT scrapes replayed copies of their exposition text.
     */
    static final Map<String, Set<String>> EXPORTER_SERIES = Map.of(
            "node_memory_MemAvailable_bytes", Set.of(),
            "node_memory_MemTotal_bytes", Set.of(),
            "vllm:num_requests_waiting", Set.of("model_name", "engine"),
            "vllm:num_requests_running", Set.of("model_name", "engine"),
            "vllm:kv_cache_usage_perc", Set.of("model_name", "engine"),
            "vllm:time_to_first_token_seconds_bucket", Set.of("model_name", "engine", "le"),
            "DCGM_FI_DEV_GPU_TEMP", Set.of("gpu", "UUID", "device", "modelName", "Hostname"),
            "DCGM_FI_DEV_GPU_UTIL", Set.of("gpu", "UUID", "device", "modelName", "Hostname"),
            "DCGM_FI_DEV_POWER_USAGE", Set.of("gpu", "UUID", "device", "modelName", "Hostname"));

    private static Map<String, Set<String>> knownSeries() {
        Map<String, Set<String>> known = new HashMap<>();
        for (MetricName metric : MetricName.values()) {
            Set<String> labels = new HashSet<>(metric.labels());
            labels.addAll(SCRAPE_LABELS);
            if (metric.type() == MetricName.Type.TIMER) {
                Set<String> bucketLabels = new HashSet<>(labels);
                bucketLabels.add("le");
                known.put(metric.exportedName() + "_bucket", bucketLabels);
                known.put(metric.exportedName() + "_count", labels);
                known.put(metric.exportedName() + "_sum", labels);
            } else {
                known.put(metric.exportedName(), labels);
            }
        }
        for (Rules.Rule rule : Rules.recordingRules()) {
            known.put(rule.record(), PromQl.groupingLabels(rule.expr()));
        }
        EXPORTER_SERIES.forEach((name, labels) -> {
            Set<String> all = new HashSet<>(labels);
            all.addAll(SCRAPE_LABELS);
            known.put(name, all);
        });
        known.put("up", SCRAPE_LABELS);
        known.put("ALERTS", Set.of("alertname", "alertstate", "severity"));
        return known;
    }

    private static void assertReadsOnlyKnownSeries(String where, String expr) {
        Map<String, Set<String>> known = knownSeries();
        Map<String, Set<String>> selectors = PromQl.selectors(expr);
        assertThat(selectors).as("%s selects some metric: %s", where, expr).isNotEmpty();
        Set<String> available = new HashSet<>();
        selectors.forEach((name, labels) -> {
            assertThat(known).as("%s reads %s", where, name).containsKey(name);
            assertThat(known.get(name)).as("%s filters %s by labels it has", where, name).containsAll(labels);
            available.addAll(known.get(name));
        });
        assertThat(available).as("%s groups by labels its series have: %s", where, expr).containsAll(PromQl.groupingLabels(expr));
    }

    @Test
    void should_read_only_exported_series_in_every_alert_and_recording_rule() {
        for (Rules.Rule rule : Rules.all()) {
            assertReadsOnlyKnownSeries("rule " + rule.name(), rule.expr());
        }
    }

    @Test
    void should_read_only_exported_series_in_every_dashboard_panel() {
        List<Dashboards.Target> targets = Dashboards.targets();

        assertThat(targets).hasSizeGreaterThan(30);
        for (Dashboards.Target target : targets) {
            assertReadsOnlyKnownSeries(target.dashboard() + " / " + target.panelTitle(), target.expr());
        }
    }

    @Test
    void should_catch_a_metric_the_app_does_not_export() {
        Map<String, Set<String>> selectors = PromQl.selectors("sum(rate(aegis_querys_total{intent=\"x\"}[5m]))");

        assertThat(knownSeries()).doesNotContainKey(selectors.keySet().iterator().next());
    }
}
