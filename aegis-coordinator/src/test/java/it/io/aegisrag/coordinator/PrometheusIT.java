package it.io.aegisrag.coordinator;

import io.aegisrag.deploy.Dashboards;
import io.aegisrag.deploy.DeployFiles;
import io.aegisrag.deploy.ExternalTool;
import io.aegisrag.deploy.PromQl;
import io.aegisrag.deploy.Rules;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus (Debian's package) scrapes the running apps every second with the repository's
 * alert and recording rules loaded: the embedded-defaults server, and the LLM server that answers with
 * Ollama and falls back to an OpenAI-compatible server with a monthly budget (both replayed by
 * WireMock); and the DGX Spark stack's exporters (node-exporter, vLLM, dcgm-exporter) as WireMock
 * replays their documented exposition text. Every rule, every series they read and every dashboard panel is then asked of
 * Prometheus' HTTP API, after real traffic to both.
 */
class PrometheusIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process prometheus;
    private static Path dir;
    private static URI api;

    @BeforeAll
    static void startPrometheusAndDriveTraffic() throws Exception {
        ExternalTool.require("prometheus");
        dir = Files.createTempDirectory("prometheus-it");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                  - %s
                scrape_configs:
                  - job_name: aegisrag
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["localhost:%s", "localhost:%s"]
                  - job_name: node
                    metrics_path: /exporters/node/metrics
                    static_configs:
                      - targets: ["localhost:%5$s"]
                  - job_name: vllm
                    metrics_path: /exporters/vllm/metrics
                    static_configs:
                      - targets: ["localhost:%5$s"]
                  - job_name: dcgm
                    metrics_path: /exporters/dcgm/metrics
                    static_configs:
                      - targets: ["localhost:%5$s"]
                """.formatted(DeployFiles.resolve("prometheus/alerts.yml"), DeployFiles.resolve("prometheus/recording_rules.yml"),
                AegisClient.BASE.getPort(), LlmServer.BASE.getPort(), Integer.getInteger("it.wiremock.port", 8089)));
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        api = URI.create("http://127.0.0.1:" + port);
        await("Prometheus is ready", () -> status("/-/ready") == 200);
        await("Prometheus has scraped both apps once, so that the traffic below shows as an increase",
                () -> query("up{job=\"aegisrag\"} == 1").size() == 2);
        await("Prometheus has scraped the replayed node-exporter, vLLM and dcgm-exporter",
                () -> query("up{job=~\"node|vllm|dcgm\"} == 1").size() == 3);
        driveGenerationTraffic();

        Corpus.ingest("Lucene vector search", Corpus.LUCENE);
        Corpus.ingest("Redis caching", Corpus.REDIS);
        for (String mode : List.of("auto", "vector", "graph", "hybrid", "memory")) {
            AegisClient.postJson("/api/v1/query", Json.createObjectBuilder()
                    .add("query", "How is Lettuce related to Redis?").add("mode", mode).add("session_id", "it").build());
        }
        IngestionJobsIT.postFiles("", List.of(Map.entry("prometheus.md", ("# Prometheus job " + System.nanoTime()
                + "\n\nA bulk ingestion job feeds the ingestion panels.").getBytes(StandardCharsets.UTF_8))));
        AegisClient.post("/api/v1/query", "application/json", "{\"query\":\"\"}");
        AegisClient.get("/api/v1/documents/3fa85f64-5717-4562-b3fc-2c963f66afa6");

        await("Prometheus has scraped the traffic and every recording rule has recorded it", () ->
                !query("aegis:queries:rate5m > 0").isEmpty()
                        && !query("sum(rate(aegis_cache_hits_total{cache_type=\"embedding\"}[1m])) > 0").isEmpty()
                        && !query("sum(rate(aegis_llm_tokens_total{provider=\"ollama\"}[1m])) > 0").isEmpty()
                        && !query("sum(rate(aegis_llm_fallbacks_total[1m])) > 0").isEmpty()
                        && !query("aegis:errors:ratio_rate5m > 0").isEmpty()
                        && !query("sum(aegis_ingestion_jobs{state=\"completed\"}) > 0").isEmpty()
                        && !query("sum(rate(aegis_ingestion_stage_seconds_count{stage=\"parse\"}[1m])) > 0").isEmpty()
                        && !query("sum(rate(aegis_ingestion_chunks_total[1m])) > 0").isEmpty()
                        && Rules.recordingRules().stream().noneMatch(rule -> query(rule.record()).isEmpty()));
    }

    /** The LLM server answers with Ollama, once streamed, and once falls back to the OpenAI-compatible server. */
    private static void driveGenerationTraffic() throws Exception {
        LlmServer.ollamaHasPulledItsModels();
        LlmServer.ingest("Vector databases", "Qdrant is a vector database written in Rust.");
        String answered = "prometheus" + System.nanoTime();
        LlmServer.ollamaAnswers(answered, "Qdrant is written ", "in Rust [1].");
        LlmServer.query("Which language is Qdrant written in? " + answered);
        LlmServer.chat(LlmServer.BASE, Json.createObjectBuilder().add("query", "And Qdrant? " + answered).build().toString(), "done");
        String fallsBack = "prometheus" + System.nanoTime();
        LlmServer.ollamaFails(fallsBack, 500, "runner crashed");
        LlmServer.openAiAnswers(fallsBack, "Rust [1].", 10, 10);
        LlmServer.query("Which language is Qdrant written in? " + fallsBack);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        Corpus.deleteAll();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void should_load_every_alert_and_recording_rule_healthy() {
        await("every rule has been evaluated", () -> rules().stream().noneMatch(r -> r.getString("health").equals("unknown")));

        List<JsonObject> rules = rules();
        assertThat(rules.stream().filter(r -> r.getString("type").equals("alerting"))).hasSize(Rules.alerts().size());
        assertThat(rules.stream().filter(r -> r.getString("type").equals("recording"))).hasSize(Rules.recordingRules().size());
        assertThat(rules).allSatisfy(rule -> assertThat(rule.getString("health")).as(rule.getString("name") + ": "
                + rule.getString("lastError", "")).isEqualTo("ok"));
    }

    @Test
    void should_evaluate_every_rule_expression_against_the_live_series() {
        for (Rules.Rule rule : Rules.all()) {
            JsonObject reply = get("/api/v1/query?query=" + encode(rule.expr()));
            assertThat(reply.getString("status")).as(rule.name()).isEqualTo("success");
        }
        assertThat(query("aegis:query_latency_seconds:p95_5m{stage=\"total\"}")).isNotEmpty();
    }

    @Test
    void should_find_every_series_that_rules_and_panels_read_with_the_labels_they_filter_on() {
        Set<String> recorded = Set.copyOf(Rules.recordingRules().stream().map(Rules.Rule::record).toList());
        List<String> expressions = new java.util.ArrayList<>(Rules.all().stream().map(Rules.Rule::expr).toList());
        Dashboards.targets().forEach(target -> expressions.add(target.expr()));
        for (String expr : expressions) {
            PromQl.selectors(expr).forEach((name, labels) -> {
                if (recorded.contains(name) || name.equals("ALERTS")) {
                    return;
                }
                String job = exporterOf(name);
                JsonArray series = get("/api/v1/series?match[]=" + encode(name + "{job=\"" + job + "\"}")).getJsonArray("data");
                assertThat(series).as("%s exports %s", job, name).isNotEmpty();
                for (String label : labels) {
                    assertThat(series.stream().map(JsonValue::asJsonObject)).as("%s has the label %s", name, label)
                            .anySatisfy(s -> assertThat(s).containsKey(label));
                }
            });
        }
    }

    @Test
    void should_show_data_in_every_dashboard_panel() {
        for (Dashboards.Target target : Dashboards.targets()) {
            String panel = target.dashboard() + " / " + target.panelTitle();
            JsonObject reply = get("/api/v1/query?query=" + encode(target.resolvedExpr("1m")));
            assertThat(reply.getString("status")).as(panel).isEqualTo("success");
            assertThat(reply.getJsonObject("data").getJsonArray("result")).as("%s (%s) shows data", panel, target.refId()).isNotEmpty();
        }
    }

    /** The job whose target serves {@code metric}: the app, or one of the stack's exporters (replayed here by WireMock). */
    private static String exporterOf(String metric) {
        return metric.startsWith("node_") ? "node" : metric.startsWith("vllm:") ? "vllm" : metric.startsWith("DCGM_") ? "dcgm" : "aegisrag";
    }

    private static List<JsonObject> rules() {
        return get("/api/v1/rules").getJsonObject("data").getJsonArray("groups").stream()
                .flatMap(group -> group.asJsonObject().getJsonArray("rules").stream())
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static JsonArray query(String expr) {
        return get("/api/v1/query?query=" + encode(expr)).getJsonObject("data").getJsonArray("result");
    }

    private static String encode(String expr) {
        return URLEncoder.encode(expr, StandardCharsets.UTF_8);
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(api.resolve(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonObject get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new AssertionError("Prometheus did not answer " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
