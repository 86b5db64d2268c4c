package io.aegisrag.coordinator.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Takes Bean Validation failures from the runtime's own plain-text mapper and answers with problem+json. */
@Provider
@ApplicationScoped
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Inject
    ProblemResponder problems;

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        return problems.toResponse(failure);
    }
}
