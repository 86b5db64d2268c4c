package io.aegisrag.observability.interceptor;

import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.tracing.StageTracer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.time.Duration;

/** Implements {@link TrackedStage}: a span, a latency sample and, on failure, one error count per call. */
@TrackedStage
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TrackedStageInterceptor {

    private final BindingValues<TrackedStage> stages = new BindingValues<>(TrackedStage.class, TrackedStage::value);
    private final AegisMetrics metrics;
    private final StageTracer tracer;

    @Inject
    public TrackedStageInterceptor(AegisMetrics metrics, StageTracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
    }

    @AroundInvoke
    public Object timeStage(InvocationContext context) throws Exception {
        String stage = stages.of(context);
        long start = System.nanoTime();
        try (StageTracer.StageSpan span = tracer.start(stage)) {
            try {
                return context.proceed();
            } catch (Exception e) {
                metrics.trackError(e);
                span.failed(e);
                throw e;
            }
        } finally {
            metrics.recordStage(stage, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
