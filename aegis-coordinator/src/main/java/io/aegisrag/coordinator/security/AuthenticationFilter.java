package io.aegisrag.coordinator.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every JAX-RS call passes the {@link Authenticator} with the role its resource method {@link Requires};
 * the caller it finds is the request's {@link CurrentCaller}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.set(authenticator.authorize(request.getHeaderString(HttpHeaders.AUTHORIZATION), required()));
    }

    private Role required() {
        Requires onMethod = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Requires.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Requires onClass = resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Requires.class);
        return onClass == null ? Role.READER : onClass.value();
    }
}
