package io.aegisrag.retrieval.rerank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.tartarus.snowball.ext.PorterStemmer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of a text as the learned ranking compares them: runs of letters and digits, split at
 * case changes ({@code moveToEnd} gives {@code move}, {@code to}, {@code end}), lower case, without
 * English stop words, Porter stems. Not thread-safe: one instance per ranking.
 */
final class Terms {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does",
            "for", "from", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "so", "such",
            "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "we", "what", "when", "where", "which",
            "while", "who", "why", "will", "with", "without", "you", "your", "should", "would", "could", "get", "make", "use", "way");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "--?[A-Za-z][\\w-]*|[A-Za-z_$][\\w$]*(?:(?:\\.|::|#|->)[A-Za-z_$][\\w$]*)+(?:\\(\\))?|[A-Za-z$]*_[\\w$]*|[a-z]+[A-Z][\\w$]*|\\w+\\(\\)");

    /** Stems of the words seen, shared by every question: Snowball's stemmer is slow; a vocabulary repeats. */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int MAX_STEMS = 200_000;

    /** The terms of the passages seen: the same chunks come back question after question. */
    private static final Cache<String, List<String>> OF_PASSAGE = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(32L << 20)
            .weigher((String text, List<String> terms) -> 64 + 2 * text.length() + 8 * terms.size())
            .build();

    private final PorterStemmer stemmer = new PorterStemmer();

    /** The terms of a chunk's text, heading path or title: {@link #of}, remembered. */
    List<String> ofPassage(String text) {
        return OF_PASSAGE.get(text, passage -> List.copyOf(of(passage)));
    }

    /** The terms of {@code text}, in order. */
    List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = Character.isLetterOrDigit(c);
            if (wordChar && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1))) {
                add(text, start, i, terms);
                start = i;
            } else if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                add(text, start, i, terms);
                start = -1;
            }
        }
        return terms;
    }

    private void add(String text, int start, int end, List<String> terms) {
        String word = text.substring(start, end).toLowerCase(Locale.ROOT);
        if (!STOP_WORDS.contains(word)) {
            terms.add(stemOf(word));
        }
    }

    private String stemOf(String word) {
        String stem = STEMS.get(word);
        if (stem == null) {
            stemmer.setCurrent(word);
            stemmer.stem();
            stem = stemmer.getCurrent();
            if (STEMS.size() < MAX_STEMS) {
                STEMS.put(word, stem);
            }
        }
        return stem;
    }

    /**
     * The code identifiers a question names, in lower case: dotted or scoped names, snake_case,
     * camelCase, calls and command-line options ({@code os.path.join}, {@code move_to_end},
     * {@code orElseThrow}, {@code --before}).
     */
    static List<String> identifiers(String question) {
        List<String> identifiers = new ArrayList<>();
        Matcher matcher = IDENTIFIER.matcher(question);
        while (matcher.find()) {
            String identifier = matcher.group().replace("()", "").toLowerCase(Locale.ROOT);
            if (identifier.length() > 2 && !identifiers.contains(identifier)) {
                identifiers.add(identifier);
            }
        }
        return identifiers;
    }
}
