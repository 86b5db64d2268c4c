package io.aegisrag.coordinator.query;

import io.aegisrag.core.memory.Turn;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves a follow-up question against the previous turn of its conversation, without a language
 * model: a question that points back ("and how do I change it?", "what about its default?") or is too
 * short to stand alone is searched together with the previous question. Linear in the question.
 */
final class FollowUps {

    private static final int STANDALONE_WORDS = 4;
    private static final Set<String> POINTING_BACK = Set.of(
            "it", "its", "this", "that", "these", "those", "they", "them", "their", "there", "he", "she", "his", "her",
            "one", "ones", "same", "former", "latter");
    private static final List<String> CONTINUATIONS = List.of("and ", "also ", "what about ", "how about ", "and?", "then ");

    private FollowUps() {
    }

    /**
     * The text to search for: the question itself, or the previous question followed by it when it
     * follows up on it.
     *
     * @param history the conversation's recent turns, oldest first
     */
    static String resolve(String question, List<Turn> history) {
        if (history.isEmpty() || !followsUp(question)) {
            return question;
        }
        return history.get(history.size() - 1).question() + " " + question;
    }

    static boolean followsUp(String question) {
        String lower = question.toLowerCase(Locale.ROOT).strip();
        if (CONTINUATIONS.stream().anyMatch(lower::startsWith)) {
            return true;
        }
        int words = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                if (POINTING_BACK.contains(word.toString())) {
                    return true;
                }
                words++;
                word.setLength(0);
            }
        }
        return words < STANDALONE_WORDS;
    }
}
