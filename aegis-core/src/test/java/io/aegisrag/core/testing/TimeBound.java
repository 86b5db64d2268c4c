package io.aegisrag.core.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a piece of work that sees user input and fails when it overruns a bound: how the fuzz and
 * pathological-input tests catch a parser whose time grows faster than its input.
 */
public final class TimeBound {

    private TimeBound() {
    }

    public static <T> T within(Duration bound, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(bound) > 0) {
            throw new AssertionError("took " + took.toMillis() + " ms, more than the bound of " + bound.toMillis() + " ms");
        }
        return result;
    }
}
