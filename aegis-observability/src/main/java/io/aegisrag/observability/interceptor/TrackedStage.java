package io.aegisrag.observability.interceptor;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times the annotated method into {@code aegis_query_latency_seconds{stage=value}}, traces it as a
 * span named after the stage, and counts, once, any failure that escapes it in
 * {@code aegis_errors_total{error_type}}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrackedStage {

    /** The {@code stage} label, e.g. {@code retrieval} or {@code vector}. */
    @Nonbinding
    String value() default "";
}
