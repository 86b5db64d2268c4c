package io.aegisrag.llm.http;

import io.aegisrag.core.llm.Prompt;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.StringReader;

/** The parts of a chat request that Ollama and OpenAI-compatible servers write alike. */
public final class ChatMessages {

    private ChatMessages() {
    }

    /** The system message, then the user message. */
    public static JsonArrayBuilder of(Prompt prompt) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("role", "system").add("content", prompt.system()))
                .add(Json.createObjectBuilder().add("role", "user").add("content", prompt.user()));
    }

    /** The JSON schema the reply must follow; only for a prompt that has one. */
    public static JsonObject outputSchema(Prompt prompt) {
        return Json.createReader(new StringReader(prompt.outputSchema())).readObject();
    }
}
