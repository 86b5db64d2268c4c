package io.aegisrag.observability.interceptor;

import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.time.Duration;

/** Implements {@link TrackedStage}. */
@TrackedStage
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TrackedStageInterceptor {

    private final BindingValues<TrackedStage> stages = new BindingValues<>(TrackedStage.class, TrackedStage::value);
    private final AegisMetrics metrics;

    @Inject
    public TrackedStageInterceptor(AegisMetrics metrics) {
        this.metrics = metrics;
    }

    @AroundInvoke
    public Object timeStage(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } catch (Exception e) {
            metrics.trackError(e);
            throw e;
        } finally {
            metrics.recordStage(stages.of(context), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
