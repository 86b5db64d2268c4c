package io.aegisrag.observability.interceptor;

import jakarta.interceptor.InvocationContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Reads an interceptor binding's label from the intercepted method, else its class, once per method. */
final class BindingValues<A extends Annotation> {

    private final Class<A> binding;
    private final Function<A, String> value;
    private final Map<Method, String> byMethod = new ConcurrentHashMap<>();

    BindingValues(Class<A> binding, Function<A, String> value) {
        this.binding = binding;
        this.value = value;
    }

    String of(InvocationContext context) {
        String known = byMethod.get(context.getMethod());
        return known != null ? known : byMethod.computeIfAbsent(context.getMethod(), method -> read(method, context.getTarget()));
    }

    private String read(Method method, Object target) {
        A annotation = method.getAnnotation(binding);
        if (annotation == null) {
            annotation = method.getDeclaringClass().getAnnotation(binding);
        }
        if (annotation == null && target != null) {
            annotation = target.getClass().getAnnotation(binding);
        }
        return annotation == null ? "unknown" : value.apply(annotation);
    }
}
