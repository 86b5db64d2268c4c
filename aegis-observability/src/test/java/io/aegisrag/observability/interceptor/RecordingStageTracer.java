package io.aegisrag.observability.interceptor;

import io.aegisrag.observability.tracing.StageTracer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A {@link StageTracer} that records the spans it was asked for, as "stage", "stage failed: message" and "stage closed". */
@ApplicationScoped
class RecordingStageTracer implements StageTracer {

    private final List<String> events = new ArrayList<>();

    List<String> events() {
        return events;
    }

    @Override
    public <T> Callable<T> inCurrentTrace(Callable<T> task) {
        return task;
    }

    @Override
    public StageSpan start(String stage) {
        events.add(stage);
        return new StageSpan() {
            @Override
            public void failed(Throwable failure) {
                events.add(stage + " failed: " + failure.getMessage());
            }

            @Override
            public void close() {
                events.add(stage + " closed");
            }
        };
    }
}
