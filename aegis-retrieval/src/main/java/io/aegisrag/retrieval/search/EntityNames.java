package io.aegisrag.retrieval.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The entity ids a query may name: every run of one to three of its words, joined as entity ids are. */
final class EntityNames {

    private static final int MAX_NGRAM = 3;

    private EntityNames() {
    }

    static Set<String> candidateIds(String query) {
        String[] words = query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Set<String> ids = new LinkedHashSet<>();
        for (int n = 1; n <= MAX_NGRAM; n++) {
            for (int i = 0; i + n <= words.length; i++) {
                String id = String.join("-", Arrays.copyOfRange(words, i, i + n));
                if (id.length() > 2) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
