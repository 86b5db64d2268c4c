package io.aegisrag.llm.ollama;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.llm.Transcript;
import io.aegisrag.llm.http.ChatMessages;
import io.aegisrag.llm.http.ProviderHttp;
import io.aegisrag.llm.http.StreamingReply;
import io.aegisrag.observability.interceptor.TrackedLlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@link ChatModel} over Ollama's {@code POST /api/chat}: streamed as NDJSON when the reader wants
 * tokens, one JSON object otherwise. Token counts come from the final object's
 * {@code prompt_eval_count} and {@code eval_count} (Ollama omits a count that is zero, and a stream
 * that breaks off has none: the answer then carries estimates). {@code GET /api/tags} lists the models
 * and is the health probe: the service is up when the configured model is pulled.
 */
@ApplicationScoped
public class OllamaChatModel implements ChatModel {

    private final OllamaSettings settings;
    private final ProviderHttp http;
    private final OllamaModels models;

    @Inject
    public OllamaChatModel(OllamaSettings settings) {
        this.settings = settings;
        this.http = new ProviderHttp(settings.timeouts(), settings.retries());
        this.models = new OllamaModels(http, settings.url());
    }

    protected OllamaChatModel() {
        this.settings = null;
        this.http = null;
        this.models = null;
    }

    @Override
    @TrackedLlmCall
    public Answer generate(Prompt prompt, String model, TokenSink sink) {
        String name = model != null ? model : settings.model();
        Transcript transcript = new Transcript(sink);
        try (StreamingReply reply = http.post(endpoint("/api/chat"), request(prompt, name, sink.streaming()), Map.of())) {
            for (String line = reply.nextLine(); line != null; line = reply.nextLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject chunk = ProviderHttp.json(line);
                if (chunk.containsKey("error")) {
                    throw new LlmException(LlmFailure.UNAVAILABLE, "Ollama failed while answering: " + chunk.get("error"));
                }
                JsonObject message = chunk.getJsonObject("message");
                if (message != null) {
                    transcript.write(message.getString("content", ""));
                }
                if (chunk.getBoolean("done", false)) {
                    return transcript.answer(provider(), name, prompt, count(chunk, "prompt_eval_count"), count(chunk, "eval_count"), false);
                }
                if (transcript.cancelled()) {
                    return transcript.answer(provider(), name, prompt, null, null, true);
                }
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new LlmException(LlmFailure.BAD_RESPONSE, "Ollama's reply has an unexpected shape: " + e.getMessage(), e);
        }
        throw new LlmException(LlmFailure.UNAVAILABLE, "Ollama's reply ended before its final \"done\" object");
    }

    @Override
    public List<String> models() {
        return models.list(settings.model());
    }

    @Override
    public String provider() {
        return "ollama";
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String serviceName() {
        return "ollama";
    }

    /** Lists the pulled models: up when the configured one is among them. */
    @Override
    public boolean isAvailable() {
        return models.pulled(settings.model());
    }

    private String request(Prompt prompt, String model, boolean stream) {
        var request = Json.createObjectBuilder()
                .add("model", model)
                .add("messages", ChatMessages.of(prompt))
                .add("stream", stream)
                .add("options", Json.createObjectBuilder()
                        .add("num_ctx", settings.contextWindow())
                        .add("num_predict", settings.answerTokens())
                        .add("temperature", settings.temperature()));
        if (prompt.outputSchema() != null) {
            request.add("format", ChatMessages.outputSchema(prompt));
        }
        return request.build().toString();
    }

    private URI endpoint(String path) {
        return settings.url().resolve(path);
    }

    private static Long count(JsonObject chunk, String field) {
        JsonValue value = chunk.get(field);
        return value instanceof JsonNumber number ? number.longValue() : null;
    }
}
