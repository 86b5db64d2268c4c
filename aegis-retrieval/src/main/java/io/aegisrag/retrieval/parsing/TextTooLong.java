package io.aegisrag.retrieval.parsing;

/** Thrown when the text read from a file grows past the limit. */
final class TextTooLong extends RuntimeException {

    TextTooLong(int maxChars) {
        super("more than " + maxChars + " characters of text");
    }
}
