package io.aegisrag.llm.openai;

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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ChatModel} over an OpenAI-compatible {@code POST /chat/completions}. Streams Server-Sent
 * Events when the reader wants tokens, with {@code stream_options.include_usage} so the last event
 * before {@code [DONE]} carries the token counts; a stream without it (interrupted, or a server that
 * ignores the option) gives an answer with estimated counts. {@code GET /models} lists the models and
 * is the health probe.
 */
@ApplicationScoped
public class OpenAiChatModel implements ChatModel {

    private static final String DATA = "data:";
    private static final String DONE = "[DONE]";

    private final OpenAiSettings settings;
    private final ProviderHttp http;

    @Inject
    public OpenAiChatModel(OpenAiSettings settings) {
        this.settings = settings;
        this.http = new ProviderHttp(settings.timeouts(), settings.retries());
    }

    protected OpenAiChatModel() {
        this.settings = null;
        this.http = null;
    }

    @Override
    @TrackedLlmCall
    public Answer generate(Prompt prompt, String model, TokenSink sink) {
        String name = model != null ? model : settings.model();
        Transcript transcript = new Transcript(sink);
        try (StreamingReply reply = http.post(endpoint("chat/completions"), request(prompt, name, sink.streaming()), headers())) {
            if (!sink.streaming()) {
                JsonObject completion = ProviderHttp.json(reply.remainingBody());
                transcript.write(completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content", ""));
                return answer(transcript, name, prompt, completion.get("usage"), false);
            }
            JsonValue usage = JsonValue.NULL;
            StringBuilder data = new StringBuilder();
            for (String line = reply.nextLine(); line != null; line = reply.nextLine()) {
                if (line.startsWith(DATA)) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(DATA.length()).strip());
                    continue;
                }
                if (!line.isEmpty() || data.isEmpty()) {
                    continue;
                }
                String event = data.toString();
                data.setLength(0);
                if (event.equals(DONE)) {
                    return answer(transcript, name, prompt, usage, false);
                }
                JsonObject chunk = ProviderHttp.json(event);
                if (chunk.containsKey("error")) {
                    throw new LlmException(LlmFailure.UNAVAILABLE, "the provider failed while answering: " + chunk.get("error"));
                }
                JsonArray choices = chunk.getJsonArray("choices");
                if (choices != null && !choices.isEmpty()) {
                    JsonObject delta = choices.getJsonObject(0).getJsonObject("delta");
                    if (delta != null && delta.get("content") instanceof JsonString content) {
                        transcript.write(content.getString());
                    }
                }
                if (chunk.get("usage") instanceof JsonObject counted) {
                    usage = counted;
                }
                if (transcript.cancelled()) {
                    return answer(transcript, name, prompt, JsonValue.NULL, true);
                }
            }
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw new LlmException(LlmFailure.BAD_RESPONSE, "the provider's reply has an unexpected shape: " + e.getMessage(), e);
        }
        throw new LlmException(LlmFailure.UNAVAILABLE, "the provider's stream ended before [DONE]");
    }

    @Override
    public List<String> models() {
        List<String> names = new ArrayList<>(List.of(settings.model()));
        JsonObject reply = ProviderHttp.json(http.get(endpoint("models"), headers()));
        for (JsonObject model : reply.getJsonArray("data").getValuesAs(JsonObject.class)) {
            String id = model.getString("id", "");
            if (!id.isEmpty() && !id.equals(settings.model())) {
                names.add(id);
            }
        }
        return names;
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String serviceName() {
        return "openai";
    }

    /** Lists the models: up when the server answers with the key it was given. */
    @Override
    public boolean isAvailable() {
        return !models().isEmpty();
    }

    private Answer answer(Transcript transcript, String model, Prompt prompt, JsonValue usage, boolean cancelled) {
        if (usage instanceof JsonObject counted && counted.containsKey("prompt_tokens") && counted.containsKey("completion_tokens")) {
            return transcript.answer(provider(), model, prompt, counted.getJsonNumber("prompt_tokens").longValue(),
                    counted.getJsonNumber("completion_tokens").longValue(), cancelled);
        }
        return transcript.answer(provider(), model, prompt, null, null, cancelled);
    }

    private String request(Prompt prompt, String model, boolean stream) {
        var request = Json.createObjectBuilder()
                .add("model", model)
                .add("messages", ChatMessages.of(prompt))
                .add("max_tokens", settings.answerTokens())
                .add("temperature", settings.temperature())
                .add("stream", stream);
        if (stream) {
            request.add("stream_options", Json.createObjectBuilder().add("include_usage", true));
        }
        if (prompt.outputSchema() != null) {
            request.add("response_format", Json.createObjectBuilder().add("type", "json_schema").add("json_schema", Json.createObjectBuilder()
                    .add("name", "reply").add("strict", true).add("schema", ChatMessages.outputSchema(prompt))));
        }
        return request.build().toString();
    }

    private Map<String, String> headers() {
        return settings.apiKey().isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + settings.apiKey());
    }

    private URI endpoint(String path) {
        String base = settings.url().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }
}
