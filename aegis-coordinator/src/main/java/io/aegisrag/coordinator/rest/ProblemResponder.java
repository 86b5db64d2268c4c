package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.security.RateLimitedException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place failures become HTTP: every exception is counted once by type and answered with
 * problem+json. Validation problems name the fields at fault in snake_case. A path that matches no
 * resource is answered 404 but not counted: a scanner's guesses are not the application's errors.
 */
@ApplicationScoped
public class ProblemResponder {

    private static final Logger LOG = Logger.getLogger(ProblemResponder.class.getName());

    @Inject
    AegisMetrics metrics;

    public Response toResponse(Throwable failure) {
        ErrorType type = failure instanceof jakarta.ws.rs.NotFoundException ? ErrorType.NOT_FOUND : metrics.trackError(failure);
        int status = statusOf(failure, type);
        List<Problem.FieldError> errors = fieldErrors(failure);
        String detail = errors.isEmpty() ? detailOf(failure, type)
                : String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
        if (status >= 500) {
            LOG.log(Level.WARNING, "request failed with " + type.label(), failure);
        }
        Response.ResponseBuilder response = Response.status(status);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aegisrag\"");
        }
        if (failure instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds());
        }
        return response
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, status, detail, errors))
                .build();
    }

    private static int statusOf(Throwable failure, ErrorType type) {
        if (failure instanceof UnreadableDocumentException unreadable) {
            return unreadable.reason().httpStatus();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return web.getResponse().getStatus();
            }
        }
        return type.httpStatus();
    }

    private static String detailOf(Throwable failure, ErrorType type) {
        if (type == ErrorType.INTERNAL_ERROR) {
            return "the request could not be completed; the server log has the details";
        }
        Optional<Throwable> json = jsonFailure(failure);
        if (json.isPresent()) {
            return "the request body is not the JSON expected: " + json.get().getMessage().replaceFirst("^Internal error: ", "");
        }
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return type == ErrorType.VALIDATION_ERROR ? "the request body is not the JSON object this endpoint expects" : type.title();
    }

    private static List<Problem.FieldError> fieldErrors(Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            return List.of(new Problem.FieldError(invalid.field(), invalid.detail()));
        }
        if (failure instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
        }
        return List.of();
    }

    /** The JSON parsing failure behind {@code failure}, if that is what it is. */
    private static Optional<Throwable> jsonFailure(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JsonException && t.getMessage() != null) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                field += node.getIndex() == null ? "" : "[" + node.getIndex() + "]";
            } else if (node.getName() != null) {
                field = node.getName();
            }
        }
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
