package io.aegisrag.coordinator.protocol;

import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Counts every call of the JAX-RS APIs in {@code aegis_api_requests_total} by protocol and status class. */
@Provider
@ApplicationScoped
public class ApiRequestCounter implements ContainerResponseFilter {

    @Inject
    AegisMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        metrics.trackApiRequest(Protocol.ofPath(request.getUriInfo().getPath()).label(), response.getStatus());
    }
}
