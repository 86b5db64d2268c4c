package io.aegisrag.coordinator.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The protocols the service speaks over HTTP, known by the path a call takes. */
public enum Protocol {
    /** AegisRAG's own API, {@code /api/v1}. */
    REST,
    /** The OpenAI-compatible API, {@code /v1}. */
    OPENAI,
    /** The Ollama-compatible API, {@code /api} outside {@code /api/v1}. */
    OLLAMA,
    /** The Model Context Protocol endpoint, {@code /mcp}. */
    MCP;

    /** The value of the {@code protocol} label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Protocol::label).toList();
    }

    /** The protocol of a call to {@code path} (relative to the context root, with or without its leading slash). */
    public static Protocol ofPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith("v1/") || relative.equals("v1")) {
            return OPENAI;
        }
        if (relative.startsWith("mcp")) {
            return MCP;
        }
        if (relative.startsWith("api/") && !relative.startsWith("api/v1/") && !relative.equals("api/v1")) {
            return OLLAMA;
        }
        return REST;
    }
}
