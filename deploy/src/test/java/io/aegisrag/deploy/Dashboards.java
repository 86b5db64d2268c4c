package io.aegisrag.deploy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Grafana dashboards of deploy/grafana/dashboards. */
public final class Dashboards {

    /** One query of one panel. */
    public record Target(String dashboard, int panelId, String panelTitle, String refId, String expr) {

        /** The expression with Grafana's variables replaced as a query over all jobs and instances. */
        public String resolvedExpr(String rateInterval) {
            return expr.replace("$__rate_interval", rateInterval)
                    .replace("$__range", "5m")
                    .replace("$job", ".*")
                    .replace("$instance", ".*");
        }
    }

    private Dashboards() {
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(DeployFiles.resolve("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject read(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonObject> panels(JsonObject dashboard) {
        return dashboard.getJsonArray("panels").stream().map(JsonValue::asJsonObject).toList();
    }

    public static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (Path file : files()) {
            JsonObject dashboard = read(file);
            for (JsonObject panel : panels(dashboard)) {
                for (JsonValue target : panel.getJsonArray("targets")) {
                    JsonObject query = target.asJsonObject();
                    targets.add(new Target(dashboard.getString("title"), panel.getInt("id"), panel.getString("title"),
                            query.getString("refId"), query.getString("expr")));
                }
            }
        }
        return targets;
    }
}
