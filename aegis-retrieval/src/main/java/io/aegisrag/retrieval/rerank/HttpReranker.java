package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A cross-encoder served over HTTP ({@code aegis.retrieval.rerank=http}), such as BAAI/bge-reranker-v2-m3,
 * asked to score every candidate (its title and heading path, then its text) against the question in
 * one request to {@code aegis.rerank.url}, in one of the three APIs rerank servers speak
 * ({@code aegis.rerank.api}). A server that cannot be reached or answers with an error is an
 * {@code llm_error}, one slower than {@code aegis.rerank.timeout.ms} a {@code timeout}; a reply that
 * does not score every candidate is an {@code llm_error} too.
 */
public final class HttpReranker implements Reranker {

    /** The request and reply shapes of rerank servers. */
    public enum Api {
        /**
         * Cohere's and Jina's rerank API, which vLLM ({@code /v1/rerank}) and Infinity ({@code /rerank}) serve:
         * {@code {"model", "query", "documents": [..], "top_n"}} → {@code {"results": [{"index", "relevance_score"}]}}.
         */
        COHERE,
        /** Hugging Face Text Embeddings Inference, {@code /rerank}: {@code {"query", "texts": [..]}} → {@code [{"index", "score"}]}. */
        TEI,
        /** vLLM's score API, {@code /score}: {@code {"model", "text_1", "text_2": [..]}} → {@code {"data": [{"index", "score"}]}}. */
        SCORE;

        /** The API {@code aegis.rerank.api} names: {@code cohere}, {@code tei} or {@code score}. */
        public static Api named(String name) {
            return Arrays.stream(values()).filter(api -> api.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(ConfigKeys.RERANK_API + " must be one of [cohere, tei, score], got '" + name + "'"));
        }
    }

    private final URI url;
    private final Api api;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public HttpReranker(URI url, Api api, String model, Optional<String> apiKey, Duration timeout) {
        this.url = url;
        this.api = api;
        this.model = model;
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public double[] scores(String question, List<Context> candidates) {
        JsonArrayBuilder texts = Json.createArrayBuilder();
        candidates.forEach(candidate -> texts.add(candidate.chunk().withHeader()));
        JsonObjectBuilder body = Json.createObjectBuilder();
        switch (api) {
            case COHERE -> body.add("model", model).add("query", question).add("documents", texts).add("top_n", candidates.size());
            case TEI -> body.add("query", question).add("texts", texts).add("truncate", true);
            case SCORE -> body.add("model", model).add("text_1", question).add("text_2", texts);
        }
        return scored(reply(body.build()), candidates.size());
    }

    private JsonStructure reply(JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AegisException(ErrorType.TIMEOUT, "the reranker at " + url + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new AegisException(ErrorType.LLM_ERROR, "the reranker at " + url + " could not be reached (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AegisException(ErrorType.TIMEOUT, "interrupted while waiting for the reranker", e);
        }
        if (response.statusCode() / 100 != 2) {
            String excerpt = response.body().length() > 200 ? response.body().substring(0, 200) + "…" : response.body();
            throw new AegisException(ErrorType.LLM_ERROR, "the reranker at " + url + " answered " + response.statusCode() + ": " + excerpt);
        }
        try {
            return Json.createReader(new StringReader(response.body())).read();
        } catch (JsonException e) {
            throw notARanking("not JSON");
        }
    }

    private double[] scored(JsonStructure reply, int candidates) {
        JsonValue results = switch (api) {
            case COHERE -> reply instanceof JsonObject object ? object.get("results") : null;
            case TEI -> reply;
            case SCORE -> reply instanceof JsonObject object ? object.get("data") : null;
        };
        if (!(results instanceof JsonArray items)) {
            throw notARanking("no list of results");
        }
        String scoreField = api == Api.COHERE ? "relevance_score" : "score";
        double[] scores = new double[candidates];
        Arrays.fill(scores, Double.NaN);
        for (JsonValue item : items) {
            if (item instanceof JsonObject result && result.get("index") instanceof JsonNumber index
                    && result.get(scoreField) instanceof JsonNumber score && index.intValue() >= 0 && index.intValue() < candidates) {
                scores[index.intValue()] = score.doubleValue();
            }
        }
        if (Arrays.stream(scores).anyMatch(Double::isNaN)) {
            throw notARanking("not every candidate has an index and a " + scoreField);
        }
        return scores;
    }

    private AegisException notARanking(String reason) {
        return new AegisException(ErrorType.LLM_ERROR, "the reranker at " + url + " did not reply with a ranking: " + reason);
    }
}
