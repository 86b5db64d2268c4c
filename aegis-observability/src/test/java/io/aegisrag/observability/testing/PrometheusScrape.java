package io.aegisrag.observability.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text exposition, for tests that assert what a scrape shows. */
public final class PrometheusScrape {

    /** One sample line: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final List<Sample> samples;

    private PrometheusScrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new PrometheusScrape(text, samples);
    }

    /** The samples named {@code name} whose labels include all of {@code labels}. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /**
     * The value of the one series that matches; fails when none does (a vanished metric must not read
     * as 0, or "did not increase" would pass without it) or when several do.
     */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples(name, labels);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " series match " + name + labels + ", not one: " + matching);
        }
        return matching.get(0).value();
    }

    /**
     * How much the matching series grew since {@code before}: counters and histograms outlive a test.
     * The series must be in this scrape; one born since {@code before} grew from 0.
     */
    public double increaseSince(PrometheusScrape before, String name, Map<String, String> labels) {
        double now = value(name, labels);
        return now - (before.samples(name, labels).isEmpty() ? 0 : before.value(name, labels));
    }

    /** Whether the exposition declares {@code name} with this {@code # TYPE}. */
    public boolean declares(String name, String type) {
        return text.lines().anyMatch(line -> line.equals("# TYPE " + name + " " + type));
    }

    public String text() {
        return text;
    }
}
