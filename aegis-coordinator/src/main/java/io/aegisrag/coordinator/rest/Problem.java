package io.aegisrag.coordinator.rest;

import io.aegisrag.core.error.ErrorType;

import java.util.List;

/**
 * An RFC 9457 problem detail.
 *
 * @param errors the fields at fault, when the problem is invalid input
 */
public record Problem(String type, String title, int status, String detail, String errorType, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://aegisrag.io/problems/";

    /** One field at fault, named as the API spells it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorType errorType, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + errorType.label(), errorType.title(), status, detail, errorType.label(),
                errors.isEmpty() ? null : errors);
    }
}
