package io.aegisrag.memory;

import io.aegisrag.core.memory.Fact;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How well a fact's words match a query's: the number of the query's words, less common English
 * function words, found among the words of the fact's content, subject, relation and object.
 */
final class KeywordMatch {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "has", "have",
            "how", "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "that", "the", "their", "them",
            "they", "this", "to", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why",
            "with", "you", "your");

    private final Set<String> queryWords;

    KeywordMatch(String query) {
        this.queryWords = words(query);
    }

    /** How many of the query's words are among {@code factWords} ({@link #wordsOf}). */
    int score(Set<String> factWords) {
        int shared = 0;
        for (String word : queryWords) {
            if (factWords.contains(word)) {
                shared++;
            }
        }
        return shared;
    }

    /** The words a fact is matched by: of its content, subject, relation and object. */
    static Set<String> wordsOf(Fact fact) {
        return words(fact.content() + " " + fact.subject()
                + (fact.edge() == null ? "" : " " + fact.edge().relation() + " " + fact.edge().object()));
    }

    /** The lower-case words of {@code text}, less the function words. */
    static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty() && !STOP_WORDS.contains(word))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
