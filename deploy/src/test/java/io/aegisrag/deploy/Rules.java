package io.aegisrag.deploy;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The alerting and recording rules of deploy/prometheus, as Prometheus will load them. */
public final class Rules {

    /** One rule: an alert when {@code alert} is set, else a recording rule named {@code record}. */
    public record Rule(String group, String alert, String record, String expr, String forDuration,
                       Map<String, String> labels, Map<String, String> annotations) {

        public boolean isAlert() {
            return alert != null;
        }

        public String name() {
            return isAlert() ? alert : record;
        }
    }

    private Rules() {
    }

    public static List<Rule> alerts() {
        return load(DeployFiles.resolve("prometheus/alerts.yml"));
    }

    public static List<Rule> recordingRules() {
        return load(DeployFiles.resolve("prometheus/recording_rules.yml"));
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(alerts());
        all.addAll(recordingRules());
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<Rule> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml().load(reader);
            List<Rule> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    rules.add(new Rule((String) group.get("name"), (String) rule.get("alert"), (String) rule.get("record"),
                            String.valueOf(rule.get("expr")).strip(), (String) rule.get("for"),
                            (Map<String, String>) rule.getOrDefault("labels", Map.of()),
                            (Map<String, String>) rule.getOrDefault("annotations", Map.of())));
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
