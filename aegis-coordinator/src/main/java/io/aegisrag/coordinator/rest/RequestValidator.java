package io.aegisrag.coordinator.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/** Applies the Jakarta Validation constraints of a request record, failing with every violation. */
@ApplicationScoped
public class RequestValidator {

    private final Validator validator;

    @Inject
    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    protected RequestValidator() {
        this(null);
    }

    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
