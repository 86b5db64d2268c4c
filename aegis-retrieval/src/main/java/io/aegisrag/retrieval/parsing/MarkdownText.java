package io.aegisrag.retrieval.parsing;

/** Text read from a file, written into Markdown so that a CommonMark reader reads the same text back. */
final class MarkdownText {

    private static final String SPECIAL = "\\`*_[]<>&#|~";

    private MarkdownText() {
    }

    /** {@code text} with every character Markdown could read as markup escaped by a backslash. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
