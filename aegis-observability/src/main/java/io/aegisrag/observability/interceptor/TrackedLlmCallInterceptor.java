package io.aegisrag.observability.interceptor;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.metrics.LlmCallStatus;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.time.Duration;

/**
 * Implements {@link TrackedLlmCall}: the provider and model come from the answer, or the model bean
 * when it failed; an answer whose reader went away counts as {@code cancelled}.
 */
@TrackedLlmCall
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TrackedLlmCallInterceptor {

    private final AegisMetrics metrics;

    @Inject
    public TrackedLlmCallInterceptor(AegisMetrics metrics) {
        this.metrics = metrics;
    }

    @AroundInvoke
    public Object trackCall(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Exception e) {
            if (context.getTarget() instanceof ChatModel model) {
                metrics.trackLlmCall(model.provider(), model.model(), LlmCallStatus.ERROR, elapsedSince(start), null, 0, 0);
            }
            metrics.trackError(e);
            throw e;
        }
        if (result instanceof Answer answer) {
            metrics.trackLlmCall(answer.provider(), answer.model(),
                    answer.cancelled() ? LlmCallStatus.CANCELLED : LlmCallStatus.SUCCESS, elapsedSince(start),
                    answer.text().isEmpty() ? null : answer.timeToFirstToken(), answer.promptTokens(), answer.completionTokens());
        }
        return result;
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
