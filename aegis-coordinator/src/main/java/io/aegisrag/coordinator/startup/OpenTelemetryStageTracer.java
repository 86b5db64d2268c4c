package io.aegisrag.coordinator.startup;

import io.aegisrag.observability.tracing.StageTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.Callable;

/**
 * Traces every tracked stage as an OpenTelemetry span named {@code aegis.<stage>}, a child of the
 * request's span, through MicroProfile Telemetry. Exporting is off until {@code otel.sdk.disabled=false}.
 * Stateless, so dependent: no client proxy between a stage and its tracer.
 */
@Dependent
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class OpenTelemetryStageTracer implements StageTracer {

    private final Tracer tracer;

    @Inject
    public OpenTelemetryStageTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public <T> Callable<T> inCurrentTrace(Callable<T> task) {
        return Context.current().wrap(task);
    }

    @Override
    public StageSpan start(String stage) {
        Span span = tracer.spanBuilder("aegis." + stage).setAttribute("aegis.stage", stage).startSpan();
        Scope scope = span.makeCurrent();
        return new StageSpan() {
            @Override
            public void failed(Throwable failure) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }
}
