package io.aegisrag.core.error;

/** An uploaded file that cannot become a document, naming the file and why; its HTTP status says which. */
public class UnreadableDocumentException extends InvalidInputException {

    /** Why a file cannot be read, with the HTTP status that says so. */
    public enum Reason {
        UNSUPPORTED_TYPE(415), ENCRYPTED(422), CORRUPT(422), EMPTY(422), TOO_LARGE(413);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final String fileName;
    private final Reason reason;

    public UnreadableDocumentException(String fileName, Reason reason, String message) {
        super("file", (fileName.isEmpty() ? "the file" : fileName) + ": " + message);
        this.fileName = fileName;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    public Reason reason() {
        return reason;
    }
}
