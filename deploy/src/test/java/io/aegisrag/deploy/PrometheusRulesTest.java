package io.aegisrag.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusRulesTest {

    private static final Set<String> ORIGINAL_ALERTS = Set.of(
            "HighQueryLatency", "CriticalQueryLatency", "HighRetrievalLatency", "HighGenerationLatency",
            "HighErrorRate", "CriticalErrorRate", "HighLLMErrorRate", "HighDatabaseErrorRate",
            "MemoryBudgetHigh", "MemoryBudgetCritical", "LowCacheHitRate", "MonthlyBudgetWarning", "MonthlyBudgetExceeded",
            "QdrantCollectionLarge", "Neo4jGraphLarge", "ServiceDown", "DatabaseDown", "LLMServiceDown",
            "HighQueryRate", "VeryLowQueryRate");
    private static final Set<String> SLO_ALERTS = Set.of(
            "AvailabilityBudgetFastBurn", "AvailabilityBudgetSlowBurn", "LatencyBudgetFastBurn", "LatencyBudgetSlowBurn");
    private static final Set<String> INGESTION_ALERTS = Set.of("IngestionJobStalled");
    private static final Set<String> RERANKING_ALERTS = Set.of("RerankerFailing");
    private static final Set<String> AVAILABILITY_ALERTS = Set.of("EmbeddingServiceDown");
    private static final Set<String> MODEL_SERVER_ALERTS = Set.of("UnifiedMemoryLow", "UnifiedMemoryCritical", "ModelServerQueueGrowing",
            "KvCacheNearlyFull", "ModelServerSlowFirstToken", "GpuHot");

    private final Path prometheus = DeployFiles.resolve("prometheus");

    @Test
    void should_pass_promtool_check_config_with_its_rule_files() {
        ExternalTool.Result result = ExternalTool.run(prometheus, "promtool", "check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 2 rule files found");
    }

    @Test
    void should_pass_promtool_check_rules() {
        ExternalTool.Result result = ExternalTool.run(prometheus, "promtool", "check", "rules", "alerts.yml", "recording_rules.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 33 rules found", "SUCCESS: 15 rules found");
    }

    @Test
    void should_pass_the_promtool_unit_tests_of_every_alert_and_recording_rule() {
        ExternalTool.Result result = ExternalTool.run(prometheus, "promtool", "test", "rules",
                "tests/alerts_test.yml", "tests/recording_rules_test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
    }

    @Test
    void should_define_the_twenty_original_alerts_in_eight_groups_plus_the_slo_ingestion_reranking_and_model_server_alerts() {
        Map<String, List<String>> byGroup = Rules.alerts().stream().collect(Collectors.groupingBy(Rules.Rule::group,
                Collectors.mapping(Rules.Rule::alert, Collectors.toList())));

        assertThat(byGroup.keySet()).containsExactlyInAnyOrder("query_performance", "error_rates", "memory_budget",
                "cache_performance", "llm_cost", "database_health", "service_availability", "query_rate", "slo_burn_rate", "ingestion", "reranking", "model_server");
        assertThat(byGroup.values().stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(union(ORIGINAL_ALERTS, union(SLO_ALERTS, union(INGESTION_ALERTS, union(RERANKING_ALERTS, union(MODEL_SERVER_ALERTS, AVAILABILITY_ALERTS))))));
        assertThat(byGroup.get("slo_burn_rate")).containsExactlyInAnyOrderElementsOf(SLO_ALERTS);
        assertThat(byGroup.get("ingestion")).containsExactlyInAnyOrderElementsOf(INGESTION_ALERTS);
        assertThat(byGroup.get("reranking")).containsExactlyInAnyOrderElementsOf(RERANKING_ALERTS);
        assertThat(byGroup.get("model_server")).containsExactlyInAnyOrderElementsOf(MODEL_SERVER_ALERTS);
    }

    @Test
    void should_give_every_alert_a_severity_a_summary_a_description_with_the_value_and_a_runbook() throws IOException {
        for (Rules.Rule alert : Rules.alerts()) {
            assertThat(alert.labels().get("severity")).as(alert.alert()).isIn("critical", "warning", "info");
            assertThat(alert.forDuration()).as(alert.alert()).isNotBlank();
            assertThat(alert.annotations().get("summary")).as(alert.alert()).isNotBlank();
            assertThat(alert.annotations().get("description")).as(alert.alert()).contains("{{ $value");
            String runbook = alert.annotations().get("runbook_url");
            assertThat(runbook).as(alert.alert()).startsWith("deploy/runbooks/").contains("#" + alert.alert().toLowerCase());
            Path file = DeployFiles.deploy().getParent().resolve(runbook.substring(0, runbook.indexOf('#')));
            assertThat(file).as(alert.alert()).isRegularFile();
            assertThat(Files.readString(file)).as(alert.alert()).contains("\n## " + alert.alert() + "\n");
        }
    }

    @Test
    void should_unit_test_every_alert_firing_and_silent() throws IOException {
        String tests = Files.readString(prometheus.resolve("tests/alerts_test.yml"));

        for (Rules.Rule alert : Rules.alerts()) {
            assertThat(tests).as(alert.alert()).contains("alertname: " + alert.alert() + "\n");
            assertThat(tests).as("%s fires in a test", alert.alert()).containsPattern(
                    "alertname: " + alert.alert() + "\\n\\s+exp_alerts:\\n\\s+- exp_labels:");
            assertThat(tests).as("%s stays silent in a test", alert.alert()).containsPattern(
                    "alertname: " + alert.alert() + "\\n\\s+exp_alerts: \\[]");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
