package it.io.aegisrag.coordinator;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.BufferedReader;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * The LLM test server (aegis-coordinator/pom.xml: Ollama first, then an OpenAI-compatible server, then
 * extractive), and the WireMock the build started for it, replaying both providers' documented APIs.
 * Each stub answers only prompts that contain its marker, a word the test puts in its question.
 */
final class LlmServer {

    static final URI BASE = URI.create("http://localhost:" + System.getProperty("llm.http.port", "9082"));
    static final WireMock PROVIDERS = new WireMock("127.0.0.1", Integer.getInteger("it.wiremock.port", 8089));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LlmServer() {
    }

    /** One Server-Sent Event. */
    record Event(String name, String data) {

        JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    static void ollamaHasPulledItsModels() {
        PROVIDERS.register(get("/api/tags").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"models\":[{\"name\":\"llama3.1:8b\",\"model\":\"llama3.1:8b\"},{\"name\":\"qwen2.5:7b\",\"model\":\"qwen2.5:7b\"}]}")));
        PROVIDERS.register(get("/v1/models").willReturn(aResponse().withBody("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\"}]}")));
    }

    /** Ollama answers prompts holding {@code marker} with {@code pieces}, streamed or not, counting 30 prompt and 8 completion tokens. */
    static void ollamaAnswers(String marker, String... pieces) {
        StringBuilder ndjson = new StringBuilder();
        for (String piece : pieces) {
            ndjson.append("{\"model\":\"llama3.1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"").append(piece).append("\"},\"done\":false}\n");
        }
        ndjson.append("{\"model\":\"llama3.1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",")
                .append("\"prompt_eval_count\":30,\"eval_count\":8}\n");
        PROVIDERS.register(post("/api/chat").withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(ndjson.toString())));
    }

    /** Ollama answers prompts holding {@code marker} with {@code content} in one object, not streamed, whatever the content holds. */
    static void ollamaReplies(String marker, String content) {
        String reply = Json.createObjectBuilder().add("model", "llama3.1:8b")
                .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                .add("done", true).add("done_reason", "stop").add("prompt_eval_count", 120).add("eval_count", 40).build() + "\n";
        PROVIDERS.register(post("/api/chat").withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(reply)));
    }

    /** Ollama streams {@code pieces} slowly, a piece every 400 ms or so. */
    static void ollamaStreamsSlowly(String marker, int pieces) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            ndjson.append("{\"message\":{\"role\":\"assistant\",\"content\":\"word").append(i).append(" \"},\"done\":false}\n");
        }
        ndjson.append("{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true}\n");
        PROVIDERS.register(post("/api/chat").withRequestBody(containing(marker))
                .willReturn(aResponse().withBody(ndjson.toString()).withChunkedDribbleDelay(pieces + 1, (pieces + 1) * 400)));
    }

    /** Ollama starts answering, then reports an error inside the stream (the status is already 200). */
    static void ollamaBreaksOffMidAnswer(String marker) {
        PROVIDERS.register(post("/api/chat").withRequestBody(containing(marker)).willReturn(aResponse().withBody(
                "{\"message\":{\"role\":\"assistant\",\"content\":\"Qdrant is \"},\"done\":false}\n{\"error\":\"llama runner process has terminated\"}\n")));
    }

    static void ollamaFails(String marker, int status, String error) {
        PROVIDERS.register(post("/api/chat").withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withBody("{\"error\":\"" + error + "\"}")));
    }

    /** The OpenAI-compatible server answers prompts holding {@code marker}, with the usage given, streamed (SSE) or not. */
    static void openAiAnswers(String marker, String text, long promptTokens, long completionTokens) {
        String usage = "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}";
        PROVIDERS.register(post("/v1/chat/completions").withRequestBody(containing(marker)).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],\"usage\":" + usage + "}")));
        PROVIDERS.register(post("/v1/chat/completions").withRequestBody(containing(marker)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(
                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}],\"usage\":null}\n\n"
                                + "data: {\"choices\":[],\"usage\":" + usage + "}\n\ndata: [DONE]\n\n")));
    }

    static AegisClient.Reply read(String path, String key) {
        return AegisClient.send(HttpRequest.newBuilder(BASE.resolve(path)).GET(), key);
    }

    static AegisClient.Reply postJson(String path, JsonObject body) {
        return AegisClient.send(HttpRequest.newBuilder(BASE.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), AegisClient.ADMIN_KEY);
    }

    static AegisClient.Reply query(String question) {
        return postJson("/api/v1/query", Json.createObjectBuilder().add("query", question).build());
    }

    static String ingest(String title, String text) {
        AegisClient.Reply reply = postJson("/api/v1/documents", Json.createObjectBuilder().add("title", title).add("source", "it").add("text", text).build());
        if (reply.status() != 201) {
            throw new AssertionError("ingestion failed: " + reply);
        }
        return reply.json().getString("document_id");
    }

    static PrometheusScrape scrape() {
        return PrometheusScrape.parse(read("/metrics", null).body());
    }

    /** Opens {@code POST /api/v1/chat} of this server as an SSE client would. */
    static HttpResponse<InputStream> openChat(JsonObject body) {
        return openChat(BASE, body.toString());
    }

    /** Opens {@code POST /api/v1/chat} of the server at {@code base} with a body as given. */
    static HttpResponse<InputStream> openChat(URI base, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/chat"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + AegisClient.ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads events until {@code last} (or the end of the stream), skipping comments: the SSE wire format, field by field. */
    static List<Event> readEvents(BufferedReader reader, String last) throws IOException {
        List<Event> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                    if (name.equals(last)) {
                        return events;
                    }
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
        return events;
    }

    /** Chats with the server at {@code base} and reads the events until {@code last}. */
    static List<Event> chat(URI base, String body, String last) {
        try (BufferedReader lines = lines(openChat(base, body))) {
            return readEvents(lines, last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedReader lines(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
