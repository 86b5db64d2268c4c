package io.aegisrag.retrieval.graph;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * How well an entity's name matches what a user typed, ignoring case: 0 equal, 1 starts with it, 2
 * contains it, 3 a word of the name is one edit from it (two for eight letters or more), none
 * otherwise; lower is better.
 */
final class NameMatch {

    private static final int SHORTEST_FUZZY = 4;
    private static final int LONG_WORD = 8;

    private final String typed;

    NameMatch(String typed) {
        this.typed = typed.strip().toLowerCase(Locale.ROOT);
    }

    OptionalInt rank(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(typed)) {
            return OptionalInt.of(0);
        }
        if (lower.startsWith(typed)) {
            return OptionalInt.of(1);
        }
        if (lower.contains(typed)) {
            return OptionalInt.of(2);
        }
        if (typed.length() >= SHORTEST_FUZZY) {
            int allowed = typed.length() >= LONG_WORD ? 2 : 1;
            for (String word : lower.split("[^\\p{L}\\p{N}]+")) {
                if (withinEdits(word, typed, allowed)) {
                    return OptionalInt.of(3);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Whether {@code a} becomes {@code b} in at most {@code allowed} insertions, deletions or substitutions. */
    static boolean withinEdits(String a, String b, int allowed) {
        if (Math.abs(a.length() - b.length()) > allowed) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > allowed) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= allowed;
    }
}
