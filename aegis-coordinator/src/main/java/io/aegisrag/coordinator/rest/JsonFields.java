package io.aegisrag.coordinator.rest;

import io.aegisrag.core.error.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body field by field, so that a field of the wrong type is named in the 400 it
 * causes. Absent and {@code null} fields read as {@code null}; unknown fields are ignored.
 */
public final class JsonFields {

    /** Looked up once: {@code Json.createReader} looks the provider up again on every call, a failed class load each time on Liberty. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject json;
    private final String path;

    private JsonFields(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    /**
     * Parses a request body that must be one JSON object. Whatever the parser refuses (malformed or
     * truncated JSON, another type of value, nesting deeper than the parser's limit) is the client's
     * mistake, reported as a 400 naming {@code body}, never a server error.
     */
    public static JsonFields parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "must be a JSON object, got nothing");
        }
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            return new JsonFields(reader.readObject(), "");
        } catch (RuntimeException refused) {
            throw new InvalidInputException("body", "must be a JSON object: " + refused.getMessage());
        }
    }

    public String string(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidInputException(path + name, "must be a string, got " + value.getValueType().name().toLowerCase(Locale.ROOT));
    }

    public Integer integer(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.bigIntegerValue().bitLength() < 32) {
            return number.intValue();
        }
        throw new InvalidInputException(path + name, "must be an integer, got " + value);
    }

    public List<String> stringList(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidInputException(path + name, "must be an array of strings");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString string)) {
                throw new InvalidInputException(path + name + "[" + i + "]", "must be a string");
            }
            strings.add(string.getString());
        }
        return strings;
    }

    public Map<String, String> strings(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException(path + name, "must be an object of strings");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        object.forEach((key, entry) -> {
            if (!(entry instanceof JsonString string)) {
                throw new InvalidInputException(path + name + "." + key, "must be a string");
            }
            strings.put(key, string.getString());
        });
        return strings;
    }

    public Boolean bool(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new InvalidInputException(path + name, "must be true or false, got " + value);
    }

    /** The object {@code name} holds, its own fields named {@code name.field} in the errors they cause. */
    public JsonFields object(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException(path + name, "must be an object");
        }
        return new JsonFields(object, path + name + ".");
    }

    /** The objects of the array {@code name}, each naming its fields {@code name[i].field} in the errors they cause. */
    public List<JsonFields> objects(String name) {
        JsonValue value = present(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidInputException(path + name, "must be an array of objects");
        }
        List<JsonFields> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject object)) {
                throw new InvalidInputException(path + name + "[" + i + "]", "must be an object");
            }
            objects.add(new JsonFields(object, path + name + "[" + i + "]."));
        }
        return objects;
    }

    /** The value of {@code name} as parsed, or null when absent or {@code null}, for a field that may take several types. */
    public JsonValue value(String name) {
        return present(name);
    }

    /** {@code name} as the errors it causes call it: prefixed with the path of the object it is in. */
    public String field(String name) {
        return path + name;
    }

    private JsonValue present(String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }
}
