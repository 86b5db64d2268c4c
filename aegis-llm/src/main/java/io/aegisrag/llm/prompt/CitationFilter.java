package io.aegisrag.llm.prompt;

/**
 * Removes citations that point at no context: {@code [n]} with n outside {@code 1..contexts}. Works on
 * a stream of pieces as they come: a piece that ends inside what may be a citation ({@code "[1"}) is
 * held back until the next piece tells. Anything else in brackets passes unchanged. Linear in the
 * text it sees.
 */
public final class CitationFilter {

    private static final int LONGEST_NUMBER = 4;

    private final int contexts;
    private final StringBuilder pending = new StringBuilder();

    public CitationFilter(int contexts) {
        this.contexts = contexts;
    }

    /** Filters a whole text at once. */
    public static String filter(String text, int contexts) {
        CitationFilter filter = new CitationFilter(contexts);
        return filter.accept(text) + filter.finish();
    }

    /** The part of the text so far that is certain; the rest waits for the next piece. */
    public String accept(String piece) {
        StringBuilder out = new StringBuilder(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (pending.isEmpty()) {
                if (c == '[') {
                    pending.append(c);
                } else {
                    out.append(c);
                }
            } else if (c >= '0' && c <= '9' && pending.length() <= LONGEST_NUMBER) {
                pending.append(c);
            } else if (c == ']' && pending.length() > 1) {
                pending.append(c);
                out.append(cites(pending) ? pending : "");
                pending.setLength(0);
            } else {
                out.append(pending);
                pending.setLength(0);
                i--;
            }
        }
        return out.toString();
    }

    /** What was held back, at the end of the text. */
    public String finish() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }

    private boolean cites(CharSequence citation) {
        int number = Integer.parseInt(citation, 1, citation.length() - 1, 10);
        return number >= 1 && number <= contexts;
    }
}
