package io.aegisrag.coordinator.protocol;

import io.aegisrag.core.error.NotFoundException;

import java.util.List;
import java.util.Locale;

/**
 * The service as chat clients see it: a model per query mode. {@code aegisrag} answers in auto mode
 * (the question's intent picks the retrievers), {@code aegisrag-vector}, {@code -graph}, {@code -hybrid}
 * and {@code -memory} in that mode. Ollama clients name them with a tag ({@code aegisrag:latest}).
 */
public final class RagModels {

    public static final String AUTO = "aegisrag";
    /** The tag Ollama clients add to a model's name. */
    public static final String LATEST = ":latest";
    private static final List<String> MODES = List.of("auto", "vector", "graph", "hybrid", "memory");

    private RagModels() {
    }

    /** Every model's name, auto mode first. */
    public static List<String> names() {
        return MODES.stream().map(mode -> mode.equals("auto") ? AUTO : AUTO + "-" + mode).toList();
    }

    /** The query mode of model {@code name}, with or without the tag {@code :latest}; {@code auto} when none is named. */
    public static String modeOf(String name) {
        if (name == null || name.isBlank()) {
            return "auto";
        }
        String model = name.strip().toLowerCase(Locale.ROOT);
        if (model.endsWith(LATEST)) {
            model = model.substring(0, model.length() - LATEST.length());
        }
        if (model.equals(AUTO)) {
            return "auto";
        }
        String mode = model.startsWith(AUTO + "-") ? model.substring(AUTO.length() + 1) : "";
        if (!MODES.contains(mode) || mode.equals("auto")) {
            throw new NotFoundException("model", name);
        }
        return mode;
    }
}
