package io.aegisrag.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** The calls the client makes to the service's REST API, over java.net.http. */
final class AegisApi {

    /** The service answered with an error status; {@code detail} is its problem's detail when it sent one. */
    static final class ServiceException extends RuntimeException {

        ServiceException(int status, String detail) {
            super("the service answered " + status + ": " + detail);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String apiKey;

    AegisApi(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** Uploads the files as one bulk ingestion job; the job's status as accepted. */
    JsonObject submit(Path root, List<Path> files, boolean replace) {
        String boundary = "aegis-cli-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/').replace("\"", "'");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            try {
                body.writeBytes(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request("/api/v1/ingestions?replace=" + replace)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return json(send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Follows a job's events until {@code handler} returns false or the stream ends. */
    void followJob(String jobId, Predicate<ServerSentEvents.Event> handler) {
        stream(request("/api/v1/ingestions/" + jobId + "/events").header("Accept", "text/event-stream").GET().build(), handler);
    }

    /** Asks a question on {@code /api/v1/chat}, handing each event to {@code handler}. */
    void chat(String question, Predicate<ServerSentEvents.Event> handler) {
        String body = Json.createObjectBuilder().add("query", question).build().toString();
        stream(request("/api/v1/chat").header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), handler);
    }

    private void stream(HttpRequest request, Predicate<ServerSentEvents.Event> handler) {
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            ServerSentEvents.read(lines, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream broke off", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofHours(12));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        HttpResponse<T> response;
        try {
            response = http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() >= 400) {
            throw new ServiceException(response.statusCode(), detail(response.body()));
        }
        return response;
    }

    private static String detail(Object body) {
        String text;
        try {
            text = body instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : String.valueOf(body);
        } catch (IOException e) {
            return "(no body)";
        }
        try {
            return json(text).getString("detail", text);
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
