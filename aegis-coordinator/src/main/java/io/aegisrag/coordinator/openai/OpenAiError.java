package io.aegisrag.coordinator.openai;

import io.aegisrag.coordinator.rest.Problem;

/**
 * A failure as OpenAI reports it: {@code {"error":{"message","type","param","code"}}}. {@code type} is
 * OpenAI's class of the status code, {@code code} the service's error type, {@code param} the first
 * field at fault.
 */
public record OpenAiError(Body error) {

    /** The body of the error. */
    public record Body(String message, String type, String param, String code) {
    }

    public static OpenAiError of(Problem problem) {
        String param = problem.errors() == null ? null : problem.errors().get(0).field();
        return new OpenAiError(new Body(problem.detail(), typeOf(problem.status()), param, problem.errorType()));
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
