package io.aegisrag.observability.interceptor;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks {@link io.aegisrag.core.port.ChatModel#generate} on a chat model bean: counts the call in
 * {@code aegis_llm_requests_total{provider,model,status}}, its tokens, its latency and its time to first token.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrackedLlmCall {
}
