package io.aegisrag.retrieval.chunking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a chunk's text into windows of consecutive whole sentences, each at most a given size (a
 * longer sentence is a window alone). Each window is embedded beside its chunk, so that a question
 * that matches one sentence of a long chunk is not diluted by the rest of it ("small to big"
 * retrieval: search the windows, return their chunk).
 */
public final class SentenceWindows {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+");

    private SentenceWindows() {
    }

    /** The windows of {@code text}; none when it fits in one window or {@code maxChars} is 0 (windows off). */
    public static List<String> of(String text, int maxChars) {
        if (maxChars <= 0 || text.length() <= maxChars) {
            return List.of();
        }
        List<String> windows = new ArrayList<>();
        StringBuilder window = new StringBuilder();
        for (String sentence : SENTENCE_END.split(text.replace('\n', ' ').strip())) {
            if (!window.isEmpty() && window.length() + 1 + sentence.length() > maxChars) {
                windows.add(window.toString());
                window.setLength(0);
            }
            window.append(window.isEmpty() ? "" : " ").append(sentence);
        }
        if (!window.isEmpty()) {
            windows.add(window.toString());
        }
        return windows.size() > 1 ? windows : List.of();
    }
}
