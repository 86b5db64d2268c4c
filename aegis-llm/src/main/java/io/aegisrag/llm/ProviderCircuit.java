package io.aegisrag.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit of one provider: after {@code failures} failed calls in a row it opens, and the router
 * skips the provider for {@code openFor}; then one trial call is let through (half-open), which
 * closes the circuit when it succeeds and opens it again when it fails.
 */
public final class ProviderCircuit {

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    public ProviderCircuit(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("the circuit must open after at least one failure, got " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go to the provider now; in the half-open state, only the first caller may. */
    public synchronized boolean allowsCall() {
        if (openedAt == null) {
            return true;
        }
        if (isOpen() || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    public synchronized void succeeded() {
        failures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    public synchronized void failed() {
        failures++;
        if (trialInFlight || failures >= failureThreshold) {
            openedAt = clock.instant();
            trialInFlight = false;
        }
    }

    /** Whether the provider is being skipped now. */
    public synchronized boolean isOpen() {
        return openedAt != null && clock.instant().isBefore(openedAt.plus(openFor));
    }
}
