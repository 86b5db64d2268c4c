package io.aegisrag.coordinator.security;

import io.aegisrag.core.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.HexFormat;

/**
 * Limits the calls to {@link RateLimited} methods (query, ingestion) per client: per API key when the
 * caller sent one (known by its digest, never the key itself), else per client address. Over the
 * limit, the call is answered 429 with {@code Retry-After} before it does any work.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = ConfigKeys.RATE_LIMIT_PER_MINUTE, defaultValue = "6000")
    long perMinute;

    @Inject
    Clock clock;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    private RateLimiter limiter;

    @PostConstruct
    void createLimiter() {
        limiter = new RateLimiter(perMinute, clock);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(RateLimited.class)) {
            return;
        }
        limiter.acquire(client(request.getHeaderString(HttpHeaders.AUTHORIZATION))).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
    }

    private String client(String authorization) {
        if (authorization != null && !authorization.isBlank()) {
            return "key:" + HexFormat.of().formatHex(Sha256.of(authorization));
        }
        return "address:" + servletRequest.getRemoteAddr();
    }
}
