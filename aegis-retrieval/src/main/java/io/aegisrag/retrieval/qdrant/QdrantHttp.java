package io.aegisrag.retrieval.qdrant;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import jakarta.json.Json;
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
import java.util.Optional;

/**
 * Qdrant's REST API (port 6333): JSON requests with the optional {@code api-key} header, replies
 * unwrapped from Qdrant's envelope ({@code {"result": …, "status": "ok"}}) and failures turned into
 * {@link AegisException}s: {@code timeout} when Qdrant is slower than the timeout, {@code database_error}
 * when it cannot be reached or answers with an error (its {@code status.error} text in the message).
 */
final class QdrantHttp {

    /** A reply: the HTTP status and the {@code result} member, JSON null when there is none. */
    record Reply(int status, JsonValue result) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI url;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final HttpClient http;

    QdrantHttp(URI url, Optional<String> apiKey, Duration timeout) {
        this.url = url;
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The {@code result} of a successful call; any other status is a {@code database_error}. */
    JsonValue call(String method, String path, JsonObject body) {
        Reply reply = send(method, path, body);
        if (!reply.ok()) {
            throw failure(method, path, reply);
        }
        return reply.result();
    }

    /** The reply whatever its status; only an unreachable or slow Qdrant, or a reply that is not JSON, throws. */
    Reply send(String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        apiKey.ifPresent(key -> request.header("api-key", key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AegisException(ErrorType.TIMEOUT, "Qdrant did not answer " + method + " " + path + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "Qdrant could not be reached at " + url.getAuthority() + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AegisException(ErrorType.TIMEOUT, "interrupted while waiting for Qdrant", e);
        }
        return new Reply(response.statusCode(), envelope(method, path, response));
    }

    private static JsonValue envelope(String method, String path, HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonValue parsed = reader.readValue();
            if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
                return JsonValue.NULL;
            }
            JsonObject object = parsed.asJsonObject();
            if (response.statusCode() / 100 != 2) {
                return object;
            }
            return object.getOrDefault("result", JsonValue.NULL);
        } catch (JsonException e) {
            if (response.statusCode() / 100 != 2) {
                return Json.createObjectBuilder().add("status", Json.createObjectBuilder().add("error", response.body())).build();
            }
            throw new AegisException(ErrorType.DATABASE_ERROR, "Qdrant answered " + method + " " + path + " with malformed JSON", e);
        }
    }

    static AegisException failure(String method, String path, Reply reply) {
        String error = "";
        if (reply.result() instanceof JsonObject object && object.get("status") instanceof JsonObject status) {
            error = ": " + status.getString("error", "");
        }
        ErrorType type = reply.status() == 408 ? ErrorType.TIMEOUT : ErrorType.DATABASE_ERROR;
        return new AegisException(type, "Qdrant answered " + method + " " + path + " with HTTP " + reply.status() + error);
    }
}
