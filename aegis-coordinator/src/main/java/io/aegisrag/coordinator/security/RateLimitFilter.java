package io.aegisrag.coordinator.security;

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

/**
 * Limits the calls to {@link RateLimited} methods (query, chat, ingestion) per client ({@link RateLimits}).
 * Over the limit, the call is answered 429 with {@code Retry-After} before it does any work.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(RateLimited.class)) {
            return;
        }
        limits.acquire(request.getHeaderString(HttpHeaders.AUTHORIZATION), servletRequest.getRemoteAddr());
    }
}
