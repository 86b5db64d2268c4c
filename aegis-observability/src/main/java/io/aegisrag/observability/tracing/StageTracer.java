package io.aegisrag.observability.tracing;

/**
 * Opens a trace span for each tracked stage. The default traces nothing; the application provides
 * an OpenTelemetry-backed alternative, so this module stays free of any tracing library.
 */
public interface StageTracer {

    /** Starts a span for {@code stage}, current until it is closed. */
    StageSpan start(String stage);

    /** A started span; closing it ends it. */
    interface StageSpan extends AutoCloseable {

        /** Marks the span as failed with {@code failure}. */
        void failed(Throwable failure);

        @Override
        void close();
    }
}
