package io.aegisrag.core.graph;

import java.util.Locale;
import java.util.Objects;

/**
 * A named thing mentioned in documents.
 *
 * @param id   the normalised name, stable across documents
 * @param name the name as first seen
 */
public record Entity(String id, String name, String type) {

    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        type = type == null ? "concept" : type;
    }

    public static Entity named(String name, String type) {
        return new Entity(idOf(name), name, type);
    }

    public static String idOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }
}
