package io.aegisrag.llm.http;

import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side of a model provider: JSON requests whose replies are read as they stream, each
 * failure mapped to the {@link LlmFailure} the router falls back on. A 429 or 503 is retried after
 * the delay the provider asks for ({@code retry-after-ms}, else {@code Retry-After} in seconds),
 * or after an exponential backoff when it names none, as long as that delay stays within
 * {@link RetryPolicy#maxDelay()}: a provider that asks for longer is left to the next one of the chain
 * at once. A 429 that says the quota is spent ({@code insufficient_quota}) is never retried.
 */
public final class ProviderHttp {

    private static final int MAX_ERROR_DETAIL = 300;

    private final HttpClient client;
    private final Timeouts timeouts;
    private final RetryPolicy retries;

    public ProviderHttp(Timeouts timeouts, RetryPolicy retries) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .build();
        this.timeouts = timeouts;
        this.retries = retries;
    }

    /** How long a provider may take: to connect, to start its reply, and between two lines of it. */
    public record Timeouts(Duration connect, Duration reply, Duration stall) {
    }

    /** Retries of a 429 or 503: how many, the first backoff, and the longest delay worth waiting for. */
    public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxDelay) {
    }

    /**
     * Posts {@code json} and returns the reply once it starts with a 2xx status.
     *
     * @throws LlmException with the failure's reason otherwise
     */
    public StreamingReply post(URI uri, String json, Map<String, String> headers) {
        for (int attempt = 0; ; attempt++) {
            StreamingReply reply = open(request(uri, headers).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json").build());
            if (reply.status() / 100 == 2) {
                return reply;
            }
            String body = errorBody(reply);
            LlmException failure = failure(uri, reply.status(), body);
            Duration delay = retryDelay(reply, failure, attempt);
            if (delay == null) {
                throw failure;
            }
            sleep(delay, failure);
        }
    }

    /** Gets {@code uri} and returns its whole body when the status is 2xx. */
    public String get(URI uri, Map<String, String> headers) {
        StreamingReply reply = open(request(uri, headers).GET().build());
        if (reply.status() / 100 != 2) {
            throw failure(uri, reply.status(), errorBody(reply));
        }
        return reply.remainingBody();
    }

    /** Reads a JSON object, or fails as {@link LlmFailure#BAD_RESPONSE}. */
    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new LlmException(LlmFailure.BAD_RESPONSE, "the provider sent malformed JSON: " + abbreviate(text), e);
        }
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeouts.reply());
        headers.forEach(request::header);
        return request;
    }

    private StreamingReply open(HttpRequest request) {
        StreamingReply.LineQueue lines = new StreamingReply.LineQueue();
        CompletableFuture<HttpResponse.ResponseInfo> started = new CompletableFuture<>();
        client.sendAsync(request, info -> {
            started.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines, subscriber -> null, StandardCharsets.UTF_8, null);
        }).whenComplete((response, failure) -> {
            if (failure != null) {
                started.completeExceptionally(failure);
                lines.onError(failure);
            }
        });
        try {
            HttpResponse.ResponseInfo info = started.get(timeouts.reply().toMillis() + timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
            return new StreamingReply(info, lines, timeouts.stall());
        } catch (TimeoutException e) {
            lines.cancel();
            throw new LlmException(LlmFailure.TIMEOUT, request.uri() + " did not reply within " + timeouts.reply().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw connectionFailure(request.uri(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lines.cancel();
            throw new LlmException(LlmFailure.TIMEOUT, "interrupted while waiting for " + request.uri(), e);
        }
    }

    private static LlmException connectionFailure(URI uri, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || !(cause instanceof HttpTimeoutException)) {
            String what = cause instanceof ConnectException ? "refused the connection" : "could not be reached";
            return new LlmException(LlmFailure.UNAVAILABLE, uri.getHost() + ":" + uri.getPort() + " " + what + " (" + cause + ")", cause);
        }
        return new LlmException(LlmFailure.TIMEOUT, uri + " did not reply in time", cause);
    }

    private static String errorBody(StreamingReply reply) {
        try {
            return reply.remainingBody();
        } catch (LlmException e) {
            return "";
        } finally {
            reply.close();
        }
    }

    private static LlmException failure(URI uri, int status, String body) {
        String message = "HTTP " + status + " from " + uri.getPath() + ": " + errorMessage(body);
        LlmFailure reason = switch (status) {
            case 404 -> LlmFailure.MODEL_NOT_FOUND;
            case 408 -> LlmFailure.TIMEOUT;
            case 429 -> body.contains("insufficient_quota") ? LlmFailure.QUOTA_EXCEEDED : LlmFailure.RATE_LIMITED;
            case 503 -> LlmFailure.RATE_LIMITED;
            default -> status >= 500 ? LlmFailure.UNAVAILABLE : LlmFailure.REJECTED;
        };
        return new LlmException(reason, message);
    }

    /** The provider's own message: Ollama's {@code {"error": "..."}} or OpenAI's {@code {"error": {"message": ...}}}. */
    static String errorMessage(String body) {
        try {
            JsonValue error = json(body).get("error");
            if (error instanceof JsonObject object) {
                return abbreviate(object.getString("message", object.toString()));
            }
            if (error != null && error.getValueType() == JsonValue.ValueType.STRING) {
                return abbreviate(((JsonString) error).getString());
            }
        } catch (LlmException | ClassCastException e) {
            // not the documented error shape: show the body itself
        }
        return abbreviate(body);
    }

    private Duration retryDelay(StreamingReply reply, LlmException failure, int attempt) {
        if (failure.failure() != LlmFailure.RATE_LIMITED || attempt >= retries.maxRetries()) {
            return null;
        }
        Duration asked = RetryAfter.of(reply.headers());
        Duration delay = asked != null ? asked : backoff(attempt);
        return delay.compareTo(retries.maxDelay()) <= 0 ? delay : null;
    }

    private Duration backoff(int attempt) {
        return retries.initialBackoff().multipliedBy(1L << Math.min(attempt, 10));
    }

    private static void sleep(Duration delay, LlmException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_ERROR_DETAIL ? flat : flat.substring(0, MAX_ERROR_DETAIL) + "...";
    }
}
