package io.aegisrag.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.MemoryScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The semantic facts of a store (every version) by subject, each with the words it is searched by,
 * so that the memory retriever reads relations, not every fact memory holds. Not thread-safe: the
 * store's lock guards it.
 */
final class RelationIndex {

    private record Indexed(Fact fact, Set<String> words) {
    }

    private final Map<String, List<Indexed>> bySubject = new HashMap<>();

    static String key(String subject) {
        return subject.toLowerCase(Locale.ROOT);
    }

    void add(Fact fact) {
        if (fact.edge() != null) {
            bySubject.computeIfAbsent(key(fact.subject()), subject -> new ArrayList<>()).add(new Indexed(fact, KeywordMatch.wordsOf(fact)));
        }
    }

    /** Puts {@code version} in place of the indexed fact with its id; nothing for a fact the index does not hold. */
    void replace(Fact version) {
        List<Indexed> ofSubject = bySubject.get(key(version.subject()));
        if (ofSubject != null) {
            ofSubject.replaceAll(indexed -> indexed.fact().id().equals(version.id()) ? new Indexed(version, indexed.words()) : indexed);
        }
    }

    void removeIf(Predicate<Fact> doomed) {
        bySubject.values().forEach(facts -> facts.removeIf(indexed -> doomed.test(indexed.fact())));
        bySubject.values().removeIf(List::isEmpty);
    }

    /** Every version of the relations leaving {@code subject}. */
    List<Fact> of(String subject) {
        return bySubject.getOrDefault(key(subject), List.of()).stream().map(Indexed::fact).toList();
    }

    List<Fact> from(MemoryScope scope, Set<String> subjects, Instant validAt, Instant knownAt) {
        List<Fact> found = new ArrayList<>();
        for (String subject : subjects) {
            for (Indexed indexed : bySubject.getOrDefault(subject, List.of())) {
                if (holds(scope, indexed.fact(), validAt, knownAt)) {
                    found.add(indexed.fact());
                }
            }
        }
        return found;
    }

    /**
     * The relations of {@code scope} holding at {@code validAt} as known at {@code knownAt} that share
     * words with {@code match}'s query, most shared first, then newest recorded.
     */
    List<Fact> search(MemoryScope scope, KeywordMatch match, Instant validAt, Instant knownAt, int limit) {
        List<Map.Entry<Fact, Integer>> scored = new ArrayList<>();
        for (List<Indexed> facts : bySubject.values()) {
            for (Indexed indexed : facts) {
                int score = match.score(indexed.words());
                if (score > 0 && holds(scope, indexed.fact(), validAt, knownAt)) {
                    scored.add(Map.entry(indexed.fact(), score));
                }
            }
        }
        return scored.stream()
                .sorted(Map.Entry.<Fact, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().recordedAt(), Comparator.reverseOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean holds(MemoryScope scope, Fact fact, Instant validAt, Instant knownAt) {
        return scope.reads(fact.group()) && fact.isKnownAt(knownAt) && fact.isValidAt(validAt);
    }
}
