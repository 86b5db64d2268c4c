package io.aegisrag.core.error;

/** Input that breaks a rule, naming the offending field as the API spells it. */
public class InvalidInputException extends AegisException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(ErrorType.VALIDATION_ERROR, field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
