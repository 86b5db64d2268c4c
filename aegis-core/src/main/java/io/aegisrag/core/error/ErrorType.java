package io.aegisrag.core.error;

import java.util.Locale;

/**
 * The kinds of failure the service reports: the {@code error_type} metric label, the problem+json
 * {@code error_type} member and the last segment of its {@code type} URI.
 */
public enum ErrorType {
    VALIDATION_ERROR(400, "Invalid request"),
    NOT_FOUND(404, "Not found"),
    AUTHENTICATION_ERROR(401, "Authentication required"),
    PERMISSION_ERROR(403, "Forbidden"),
    RATE_LIMITED(429, "Too many requests"),
    LLM_ERROR(502, "Language model failed"),
    DATABASE_ERROR(503, "Backing store failed"),
    TIMEOUT(504, "Timed out"),
    INTERNAL_ERROR(500, "Internal error");

    private final String label = name().toLowerCase(Locale.ROOT);
    private final int httpStatus;
    private final String title;

    ErrorType(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public String label() {
        return label;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
