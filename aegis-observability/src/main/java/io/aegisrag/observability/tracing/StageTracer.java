package io.aegisrag.observability.tracing;

import java.util.concurrent.Callable;

/**
 * Opens a trace span for each tracked stage. The default traces nothing; the application provides
 * an OpenTelemetry-backed alternative, so this module stays free of any tracing library.
 */
public interface StageTracer {

    /** Starts a span for {@code stage}, current until it is closed. */
    StageSpan start(String stage);

    /** {@code task} made to run in the caller's trace, on whichever thread runs it. */
    <T> Callable<T> inCurrentTrace(Callable<T> task);

    /** A started span; closing it ends it. */
    interface StageSpan extends AutoCloseable {

        /** Marks the span as failed with {@code failure}. */
        void failed(Throwable failure);

        @Override
        void close();
    }
}
