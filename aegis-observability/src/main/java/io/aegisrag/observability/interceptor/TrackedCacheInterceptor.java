package io.aegisrag.observability.interceptor;

import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.Optional;

/** Implements {@link TrackedCache}. */
@TrackedCache
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TrackedCacheInterceptor {

    private final BindingValues<TrackedCache> cacheTypes = new BindingValues<>(TrackedCache.class, TrackedCache::value);
    private final AegisMetrics metrics;

    @Inject
    public TrackedCacheInterceptor(AegisMetrics metrics) {
        this.metrics = metrics;
    }

    @AroundInvoke
    public Object countLookup(InvocationContext context) throws Exception {
        Object result = context.proceed();
        String cacheType = cacheTypes.of(context);
        if (result instanceof Optional<?> found && found.isPresent()) {
            metrics.trackCacheHit(cacheType);
        } else {
            metrics.trackCacheMiss(cacheType);
        }
        return result;
    }
}
