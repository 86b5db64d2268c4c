package io.aegisrag.retrieval.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences at a line break or at {@code .}, {@code !} or {@code ?} followed by a
 * space or the end, except after a title or a common abbreviation ("Dr. Curie", "e.g. Lucene") or a
 * single capital initial ("J. R. R. Tolkien"). One pass over the text.
 */
public final class Sentences {

    /** Abbreviations that a sentence seldom ends with ("Inc.", "Corp.", "etc." often do, and split). */
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "mt", "ft",
            "e.g", "i.e", "vs", "cf", "approx", "no", "vol", "fig", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec");

    private Sentences() {
    }

    /** The sentences of {@code text}, stripped, without empty ones. */
    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
                    && !(c == '.' && abbreviated(text, start, i)));
            if (end) {
                add(sentences, text.substring(start, i));
                start = i + 1;
            }
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    /** Whether the word that the full stop at {@code dot} ends is a title, an abbreviation or an initial. */
    private static boolean abbreviated(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot);
        return (word.length() == 1 && Character.isUpperCase(word.charAt(0))) || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> sentences, String sentence) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            sentences.add(stripped);
        }
    }
}
