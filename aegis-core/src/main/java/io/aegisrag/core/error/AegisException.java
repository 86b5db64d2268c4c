package io.aegisrag.core.error;

import java.util.Objects;

/** A failure the service knows how to classify. */
public class AegisException extends RuntimeException {

    private final ErrorType errorType;

    public AegisException(ErrorType errorType, String message) {
        this(errorType, message, null);
    }

    public AegisException(ErrorType errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    public ErrorType errorType() {
        return errorType;
    }
}
