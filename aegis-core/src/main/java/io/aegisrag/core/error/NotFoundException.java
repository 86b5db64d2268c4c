package io.aegisrag.core.error;

/** A resource the caller named does not exist. */
public class NotFoundException extends AegisException {

    public NotFoundException(String what, String id) {
        super(ErrorType.NOT_FOUND, what + " '" + id + "' does not exist");
    }
}
