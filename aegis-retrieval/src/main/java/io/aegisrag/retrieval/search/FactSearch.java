package io.aegisrag.retrieval.search;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.TemporalMemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fact search as Graphiti's: the semantic facts true at {@code validAt} as the system knew them at
 * {@code knownAt}, ranked three ways and fused by reciprocal rank: by the words they share with the
 * query (the store's keyword ranking), by graph distance from a centre entity (its own facts, then
 * those of the entities they point to; without a centre, from the entities the query names), and by
 * the similarity of their text's embedding to the query's. A fact's embedding is the one memory kept
 * when it was recorded ({@link TemporalMemory#embeddingsOf}); a fact recorded without one, or with one
 * of another dimension (the embedding model changed since), is embedded through the embedding
 * model's cache.
 */
public final class FactSearch {

    /** The names of the three rankings, as a found fact's {@code ranks} give them. */
    public static final String WORDS = "words";
    public static final String GRAPH = "graph";
    public static final String SIMILARITY = "similarity";
    private static final int RRF_K = 60;

    /** A fact found, with its fused score and its 1-based rank in each ranking that has it. */
    public record Found(Fact fact, double score, Map<String, Integer> ranks) {
    }

    private final TemporalMemory memory;
    private final EmbeddingModel embeddings;

    public FactSearch(TemporalMemory memory, EmbeddingModel embeddings) {
        this.memory = memory;
        this.embeddings = embeddings;
    }

    /**
     * @param question the query, its embedding, and the groups of memory searched
     * @param center   the entity (name or id) graph distance is measured from
     */
    public List<Found> search(Question question, Optional<String> center, Instant validAt, Instant knownAt, int limit) {
        List<Fact> byWords = memory.search(question.memory(), question.text(), validAt, knownAt, limit);
        Set<String> start = center.map(name -> Set.of(Entity.idOf(name))).orElseGet(() -> EntityNames.candidateIds(question.text()));
        List<Fact> byGraph = near(question.memory(), start, validAt, knownAt, limit);
        Map<String, Fact> candidates = new LinkedHashMap<>();
        byWords.forEach(fact -> candidates.putIfAbsent(fact.id(), fact));
        byGraph.forEach(fact -> candidates.putIfAbsent(fact.id(), fact));
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, List<Fact>> rankings = new LinkedHashMap<>();
        rankings.put(WORDS, byWords);
        rankings.put(GRAPH, byGraph);
        rankings.put(SIMILARITY, bySimilarity(question, List.copyOf(candidates.values())));
        Map<String, Double> scores = new HashMap<>();
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        rankings.forEach((name, ranking) -> {
            for (int rank = 0; rank < ranking.size(); rank++) {
                String id = ranking.get(rank).id();
                scores.merge(id, 1.0 / (RRF_K + rank + 1), Double::sum);
                ranks.computeIfAbsent(id, key -> new LinkedHashMap<>()).put(name, rank + 1);
            }
        });
        return candidates.values().stream()
                .sorted(Comparator.comparingDouble((Fact fact) -> scores.get(fact.id())).reversed())
                .limit(limit)
                .map(fact -> new Found(fact, scores.get(fact.id()), ranks.get(fact.id())))
                .toList();
    }

    /** The facts of the {@code start} entities (distance 0), then of the entities those facts point to (distance 1), newest first within each. */
    private List<Fact> near(MemoryScope scope, Set<String> start, Instant validAt, Instant knownAt, int limit) {
        List<Fact> named = newestFirst(start.isEmpty() ? List.of() : memory.relationsFrom(scope, start, validAt, knownAt));
        Set<String> pointedTo = named.stream().map(fact -> fact.edge().object().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Fact> ranked = new ArrayList<>(named);
        newestFirst(pointedTo.isEmpty() ? List.of() : memory.relationsFrom(scope, pointedTo, validAt, knownAt)).stream()
                .filter(fact -> !ranked.contains(fact))
                .forEach(ranked::add);
        return ranked.size() <= limit ? ranked : ranked.subList(0, limit);
    }

    private static List<Fact> newestFirst(List<Fact> facts) {
        return facts.stream().sorted(Comparator.comparing(Fact::validFrom).reversed()).toList();
    }

    private List<Fact> bySimilarity(Question asked, List<Fact> candidates) {
        float[] question = asked.embedding();
        Map<String, float[]> vectors = new HashMap<>();
        memory.embeddingsOf(candidates).forEach((id, vector) -> {
            if (vector.length == question.length) {
                vectors.put(id, vector);
            }
        });
        List<Fact> unembedded = candidates.stream().filter(fact -> !vectors.containsKey(fact.id())).toList();
        if (!unembedded.isEmpty()) {
            List<float[]> computed = embeddings.embedAll(unembedded.stream().map(Fact::content).toList());
            for (int i = 0; i < unembedded.size(); i++) {
                vectors.put(unembedded.get(i).id(), computed.get(i));
            }
        }
        Map<String, Double> similarity = new HashMap<>();
        candidates.forEach(fact -> similarity.put(fact.id(), cosine(question, vectors.get(fact.id()))));
        return candidates.stream().sorted(Comparator.comparingDouble((Fact fact) -> similarity.get(fact.id())).reversed()).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
