package io.aegisrag.coordinator.security;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;

import java.time.Duration;

/** A client sent more requests than its rate allows; it may try again after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends AegisException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(ErrorType.RATE_LIMITED, "too many requests; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    /** At least a second: the {@code Retry-After} header counts whole seconds. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
