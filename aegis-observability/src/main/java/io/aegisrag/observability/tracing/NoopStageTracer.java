package io.aegisrag.observability.tracing;

import jakarta.enterprise.context.Dependent;

import java.util.concurrent.Callable;

/** The default {@link StageTracer}: no spans. Stateless, so dependent: no client proxy between a stage and its tracer. */
@Dependent
public class NoopStageTracer implements StageTracer {

    private static final StageSpan NO_SPAN = new StageSpan() {
        @Override
        public void failed(Throwable failure) {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public StageSpan start(String stage) {
        return NO_SPAN;
    }

    @Override
    public <T> Callable<T> inCurrentTrace(Callable<T> task) {
        return task;
    }
}
