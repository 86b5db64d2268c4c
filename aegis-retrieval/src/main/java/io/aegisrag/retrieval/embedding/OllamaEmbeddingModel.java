package io.aegisrag.retrieval.embedding;

import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.port.EmbeddingModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EmbeddingModel} over Ollama's {@code POST /api/embed} (e.g. bge-m3, 1024-d): one request per
 * batch, vectors in input order, L2-normalised by Ollama. The dimension is configured, because the
 * vector index is created before Ollama may be up, and every reply is checked against it. The service
 * name, which the index records, is {@code ollama:<model>}: another model's vectors are refused.
 */
public final class OllamaEmbeddingModel implements EmbeddingModel {

    private final URI embed;
    private final URI tags;
    private final String model;
    private final int dimension;
    private final Duration timeout;
    private final HttpClient http;

    public OllamaEmbeddingModel(URI url, String model, int dimension, Duration timeout) {
        this.embed = url.resolve("/api/embed");
        this.tags = url.resolve("/api/tags");
        this.model = model;
        this.dimension = dimension;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        JsonArrayBuilder input = Json.createArrayBuilder();
        texts.forEach(input::add);
        JsonObject reply = call(HttpRequest.newBuilder(embed).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("model", model).add("input", input).build().toString())));
        JsonArray embeddings = reply.getJsonArray("embeddings");
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw new LlmException(LlmFailure.BAD_RESPONSE, "Ollama returned " + (embeddings == null ? "no" : embeddings.size())
                    + " embeddings for " + texts.size() + " texts");
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (JsonValue embedding : embeddings) {
            JsonArray values = embedding.asJsonArray();
            if (values.size() != dimension) {
                throw new LlmException(LlmFailure.BAD_RESPONSE, model + " returned " + values.size() + "-d vectors, but "
                        + dimension + " are configured (aegis.ollama.embedding-dimension)");
            }
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = (float) values.getJsonNumber(i).doubleValue();
            }
            vectors.add(vector);
        }
        return vectors;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String serviceName() {
        return "ollama:" + model;
    }

    /** Lists the pulled models: up when this one is among them. */
    @Override
    public boolean isAvailable() {
        JsonObject reply = call(HttpRequest.newBuilder(tags).GET());
        return reply.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("name", ""))
                .anyMatch(name -> name.equals(model) || name.equals(model + ":latest"));
    }

    private JsonObject call(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LlmException(LlmFailure.TIMEOUT, "Ollama did not embed within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new LlmException(LlmFailure.UNAVAILABLE, "Ollama could not be reached at " + embed.getAuthority() + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmFailure.TIMEOUT, "interrupted while embedding", e);
        }
        if (response.statusCode() != 200) {
            throw new LlmException(response.statusCode() == 404 ? LlmFailure.MODEL_NOT_FOUND : LlmFailure.UNAVAILABLE,
                    "HTTP " + response.statusCode() + " from Ollama " + request.build().uri().getPath() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new LlmException(LlmFailure.BAD_RESPONSE, "Ollama sent malformed JSON", e);
        }
    }
}
