package io.aegisrag.observability.interceptor;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a cache lookup that returns {@link java.util.Optional}: a present value counts in
 * {@code aegis_cache_hits_total{cache_type=value}}, an empty one in {@code aegis_cache_misses_total}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrackedCache {

    /** The {@code cache_type} label, e.g. {@code embedding}. */
    @Nonbinding
    String value() default "";
}
