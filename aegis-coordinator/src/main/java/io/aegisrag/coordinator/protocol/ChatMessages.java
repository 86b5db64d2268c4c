package io.aegisrag.coordinator.protocol;

import io.aegisrag.coordinator.rest.JsonFields;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.memory.Turn;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A chat client's {@code messages} as the question and its conversation: the last message, which must
 * be the user's, is the question; each earlier user message with the assistant's reply after it is a
 * turn of the conversation a follow-up is resolved against. System and tool messages are read but not
 * used: the service's own prompt instructs the model. A message's {@code content} is text, or (OpenAI)
 * an array of parts whose text parts are joined.
 *
 * @param history earlier turns, oldest first
 */
public record ChatMessages(String question, List<Turn> history) {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    /** Reads the array {@code name} of {@code body}. */
    public static ChatMessages of(JsonFields body, String name, Instant now) {
        List<JsonFields> messages = body.objects(name);
        if (messages == null || messages.isEmpty()) {
            throw new InvalidInputException(name, "must be a non-empty array of messages");
        }
        List<Turn> history = new ArrayList<>();
        String pending = null;
        for (int i = 0; i < messages.size() - 1; i++) {
            JsonFields message = messages.get(i);
            String role = role(message);
            if (role.equals("user")) {
                pending = content(message);
            } else if (role.equals("assistant") && pending != null) {
                history.add(new Turn(pending, content(message), List.of(), now));
                pending = null;
            }
        }
        JsonFields last = messages.get(messages.size() - 1);
        if (!role(last).equals("user")) {
            throw new InvalidInputException(last.field("role"), "the last message must be the user's question");
        }
        String question = content(last);
        if (question.isBlank()) {
            throw new InvalidInputException(last.field("content"), "the question must not be blank");
        }
        return new ChatMessages(question, List.copyOf(history));
    }

    private static String role(JsonFields message) {
        String role = message.string("role");
        if (role == null || !ROLES.contains(role)) {
            throw new InvalidInputException(message.field("role"), "must be one of " + ROLES.stream().sorted().toList());
        }
        return role;
    }

    private static String content(JsonFields message) {
        JsonValue content = message.value("content");
        if (content == null) {
            return "";
        }
        if (content instanceof JsonString text) {
            return text.getString();
        }
        if (content instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (JsonValue part : parts) {
                if (part instanceof JsonObject object && "text".equals(object.getString("type", null)) && object.get("text") instanceof JsonString piece) {
                    text.append(text.isEmpty() ? "" : "\n").append(piece.getString());
                }
            }
            return text.toString();
        }
        throw new InvalidInputException(message.field("content"), "must be a string or an array of content parts");
    }
}
