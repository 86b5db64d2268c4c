package io.aegisrag.coordinator.rest;

import io.aegisrag.core.error.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads request values given as text (query parameters, some body fields), failing with a 400 that names the value. */
final class QueryParams {

    private QueryParams() {
    }

    static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name, "must be an integer from " + min + " to " + max + ", got '" + value + "'");
    }

    /** An ISO-8601 instant ({@code 2026-11-24T10:15:30Z}), or {@code otherwise} when absent. */
    static Instant instant(String name, String value, Instant otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 instant such as 2026-11-24T10:15:30Z, got '" + value + "'");
        }
    }

    static boolean bool(String name, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(name, "must be true or false, got '" + value + "'");
        };
    }
}
