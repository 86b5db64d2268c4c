package io.aegisrag.deploy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which series a PromQL expression selects: each metric name with the labels its matchers
 * filter on. Enough for the expressions of this repository, not a PromQL parser.
 */
public final class PromQl {

    private static final Pattern SELECTOR = Pattern.compile(
            "\\b(aegis_[a-z0-9_]+|aegis:[a-z0-9_:]+|node_[a-zA-Z0-9_]+|vllm:[a-z0-9_:]+|DCGM_[A-Z0-9_]+|up|ALERTS)\\b(\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");

    private PromQl() {
    }

    /** Metric name → the label names its matchers use in {@code expr}. */
    public static Map<String, Set<String>> selectors(String expr) {
        Map<String, Set<String>> selectors = new HashMap<>();
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Set<String> labels = selectors.computeIfAbsent(selector.group(1), name -> new HashSet<>());
            if (selector.group(3) != null) {
                Matcher matcher = MATCHER.matcher(selector.group(3));
                while (matcher.find()) {
                    labels.add(matcher.group(1));
                }
            }
        }
        return selectors;
    }

    /** The label names used in {@code by (...)}, {@code on (...)} and friends. */
    public static Set<String> groupingLabels(String expr) {
        Set<String> labels = new HashSet<>();
        Matcher grouping = GROUPING.matcher(expr);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        return labels;
    }
}
