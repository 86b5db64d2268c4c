package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Talks to the Liberty server the build started, over plain HTTP. */
final class AegisClient {

    static final URI BASE = URI.create("http://localhost:" + System.getProperty("http.port", "9080"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The test server requires API keys (aegis-coordinator/pom.xml); every call but the auth tests' is an admin's. */
    static final String ADMIN_KEY = "it-admin-key";

    private AegisClient() {
    }

    record Reply(int status, String contentType, String body, Optional<String> location, Optional<String> retryAfter) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    static Reply get(String path) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).GET());
    }

    static Reply delete(String path) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).DELETE());
    }

    static Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(BASE.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(BASE.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static Reply postJson(String path, JsonObject body) {
        return post(path, "application/json", body.toString());
    }

    static Reply query(String question) {
        return postJson("/api/v1/query", Json.createObjectBuilder().add("query", question).build());
    }

    /** Ingests a Markdown document and returns its id. */
    static String ingestMarkdown(String title, String markdown) {
        Reply reply = post("/api/v1/documents?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&source=it",
                "text/markdown", markdown);
        if (reply.status() != 201) {
            throw new AssertionError("ingestion failed: " + reply);
        }
        return reply.json().getString("document_id");
    }

    static PrometheusScrape scrape() {
        Reply reply = get("/metrics");
        if (reply.status() != 200) {
            throw new AssertionError("/metrics answered " + reply.status());
        }
        return PrometheusScrape.parse(reply.body());
    }

    private static Reply send(HttpRequest.Builder request) {
        return send(request, ADMIN_KEY);
    }

    /** Sends {@code request} with {@code key} as its bearer token, or without one when it is null. */
    static Reply send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location"), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
