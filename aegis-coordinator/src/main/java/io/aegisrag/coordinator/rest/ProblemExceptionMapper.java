package io.aegisrag.coordinator.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps every failure the resources let escape to problem+json. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    @Inject
    ProblemResponder problems;

    @Override
    public Response toResponse(Throwable failure) {
        return problems.toResponse(failure);
    }
}
