package io.aegisrag.llm.ollama;

import io.aegisrag.llm.http.ProviderHttp;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The models an Ollama server has pulled, from {@code GET /api/tags}. */
final class OllamaModels {

    private static final String DEFAULT_TAG = ":latest";

    private final ProviderHttp http;
    private final URI tags;

    OllamaModels(ProviderHttp http, URI url) {
        this.http = http;
        this.tags = url.resolve("/api/tags");
    }

    /** The configured model first, then every other pulled model. */
    List<String> list(String configured) {
        List<String> names = new ArrayList<>(List.of(configured));
        for (String name : pulled()) {
            if (!sameModel(name, configured)) {
                names.add(name);
            }
        }
        return names;
    }

    boolean pulled(String model) {
        return pulled().stream().anyMatch(name -> sameModel(name, model));
    }

    private List<String> pulled() {
        JsonObject reply = ProviderHttp.json(http.get(tags, Map.of()));
        return reply.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .map(model -> model.getString("name", model.getString("model", "")))
                .toList();
    }

    /** {@code llama3} and {@code llama3:latest} name the same model. */
    static boolean sameModel(String a, String b) {
        return withTag(a).equals(withTag(b));
    }

    private static String withTag(String name) {
        return name.contains(":") ? name : name + DEFAULT_TAG;
    }
}
