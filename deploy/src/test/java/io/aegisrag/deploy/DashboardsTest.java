package io.aegisrag.deploy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardsTest {

    private static final int GRID_WIDTH = 24;

    @SuppressWarnings("unchecked")
    private static String provisionedUid() throws IOException {
        Map<String, Object> provisioning = new Yaml().load(Files.readString(DeployFiles.resolve("grafana/provisioning/datasources/prometheus.yml")));
        return (String) ((List<Map<String, Object>>) provisioning.get("datasources")).get(0).get("uid");
    }

    @Test
    void should_provide_the_four_dashboards_as_plain_dashboard_json() {
        assertThat(Dashboards.files()).extracting(file -> Dashboards.read(file).getString("title"))
                .containsExactlyInAnyOrder("AegisRAG Production Overview", "AegisRAG Performance", "AegisRAG LLM Cost",
                        "AegisRAG Model Server & GPU Box");
        for (Path file : Dashboards.files()) {
            JsonObject dashboard = Dashboards.read(file);
            assertThat(dashboard).as("%s has no {\"dashboard\": ...} envelope", file).doesNotContainKey("dashboard");
            assertThat(dashboard.getString("uid")).isNotBlank();
            assertThat(dashboard.getString("refresh")).isEqualTo("10s");
            assertThat(dashboard.getJsonObject("timepicker").getJsonArray("time_options").getValuesAs(jakarta.json.JsonString::getString))
                    .startsWith("5m").endsWith("7d");
        }
    }

    @Test
    void should_show_the_fourteen_panels_of_the_original_on_the_overview() {
        JsonObject overview = Dashboards.read(DeployFiles.resolve("grafana/dashboards/aegisrag-overview.json"));

        assertThat(Dashboards.panels(overview)).hasSize(14).extracting(panel -> panel.getString("type"))
                .contains("timeseries", "gauge", "heatmap", "piechart", "stat", "state-timeline");
    }

    @Test
    void should_give_panels_unique_ids_inside_the_grid_without_overlap() {
        for (Path file : Dashboards.files()) {
            List<JsonObject> panels = Dashboards.panels(Dashboards.read(file));
            Set<Integer> ids = new HashSet<>();
            Set<String> cells = new HashSet<>();
            for (JsonObject panel : panels) {
                assertThat(ids.add(panel.getInt("id"))).as("%s: panel id %d is unique", file, panel.getInt("id")).isTrue();
                JsonObject grid = panel.getJsonObject("gridPos");
                int x = grid.getInt("x"), y = grid.getInt("y"), w = grid.getInt("w"), h = grid.getInt("h");
                assertThat(x).isNotNegative();
                assertThat(w).isPositive();
                assertThat(h).isPositive();
                assertThat(x + w).as("%s: '%s' fits the grid", file, panel.getString("title")).isLessThanOrEqualTo(GRID_WIDTH);
                for (int row = y; row < y + h; row++) {
                    for (int col = x; col < x + w; col++) {
                        assertThat(cells.add(row + ":" + col)).as("%s: '%s' overlaps another panel", file, panel.getString("title")).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void should_resolve_every_datasource_reference_to_the_provisioned_prometheus() throws IOException {
        String uid = provisionedUid();
        for (Path file : Dashboards.files()) {
            JsonObject dashboard = Dashboards.read(file);
            JsonObject datasourceVariable = dashboard.getJsonObject("templating").getJsonArray("list").stream()
                    .map(JsonValue::asJsonObject).filter(v -> v.getString("name").equals("datasource")).findFirst().orElseThrow();
            assertThat(datasourceVariable.getJsonObject("current").getString("value")).isEqualTo(uid);
            List<JsonObject> references = new java.util.ArrayList<>();
            for (JsonObject panel : Dashboards.panels(dashboard)) {
                references.add(panel.getJsonObject("datasource"));
                panel.getJsonArray("targets").forEach(target -> references.add(target.asJsonObject().getJsonObject("datasource")));
            }
            assertThat(references).allSatisfy(reference -> {
                assertThat(reference.getString("type")).isEqualTo("prometheus");
                assertThat(reference.getString("uid")).isIn(uid, "${datasource}");
            });
        }
    }

    @Test
    void should_offer_job_and_instance_variables_and_alert_annotations() {
        for (Path file : Dashboards.files()) {
            JsonObject dashboard = Dashboards.read(file);
            assertThat(dashboard.getJsonObject("templating").getJsonArray("list").stream().map(v -> v.asJsonObject().getString("name")))
                    .contains("datasource", "job", "instance");
            assertThat(dashboard.getJsonObject("annotations").getJsonArray("list").stream()
                    .map(JsonValue::asJsonObject).filter(a -> a.containsKey("expr")).map(a -> a.getString("expr")))
                    .anySatisfy(expr -> assertThat(expr).startsWith("ALERTS"));
        }
    }

    @Test
    void should_colour_thresholds_on_every_gauge() {
        for (Path file : Dashboards.files()) {
            for (JsonObject panel : Dashboards.panels(Dashboards.read(file))) {
                if (panel.getString("type").equals("gauge")) {
                    assertThat(panel.getJsonObject("fieldConfig").getJsonObject("defaults").getJsonObject("thresholds")
                            .getJsonArray("steps")).as(panel.getString("title")).hasSizeGreaterThanOrEqualTo(3);
                }
            }
        }
    }
}
