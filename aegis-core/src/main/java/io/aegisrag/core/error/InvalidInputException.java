package io.aegisrag.core.error;

/** Input that breaks a rule, naming the offending field as the API spells it. */
public class InvalidInputException extends AegisException {

    private final String field;
    private final String detail;

    public InvalidInputException(String field, String message) {
        super(ErrorType.VALIDATION_ERROR, field + ": " + message);
        this.field = field;
        this.detail = message;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String detail() {
        return detail;
    }
}
