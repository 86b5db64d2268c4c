package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Memory retrieval: the facts of temporal memory that hold now as the system knows them now
 * (relations between entities, Graphiti's edges), found by the words they share with the question,
 * and by graph distance from the entities the question names (their own facts, then the facts of the
 * entities those point to), then ranked a third time by the similarity of their embedding to the
 * question's; the three rankings are fused by reciprocal rank. Each comes back as a context of kind
 * {@code memory}.
 */
@ApplicationScoped
public class MemoryRetriever implements ChunkRetriever {

    private static final int RRF_K = 60;

    private final TemporalMemory memory;
    private final EmbeddingModel embeddings;
    private final Clock clock;

    @Inject
    public MemoryRetriever(TemporalMemory memory, EmbeddingModel embeddings, Clock clock) {
        this.memory = memory;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    protected MemoryRetriever() {
        this(null, null, null);
    }

    @Override
    public Retriever kind() {
        return Retriever.MEMORY;
    }

    @Override
    @TrackedStage("memory")
    public List<ChunkHit> retrieve(Question question, int limit) {
        Instant now = clock.instant();
        List<Fact> byWords = memory.search(question.text(), now, limit);
        List<Fact> byGraph = nearNamedEntities(question.text(), now, limit);
        Map<String, Fact> candidates = new LinkedHashMap<>();
        byWords.forEach(fact -> candidates.putIfAbsent(fact.id(), fact));
        byGraph.forEach(fact -> candidates.putIfAbsent(fact.id(), fact));
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Fact> bySimilarity = bySimilarity(question, List.copyOf(candidates.values()));
        Map<String, Double> scores = new HashMap<>();
        for (List<Fact> ranking : List.of(byWords, byGraph, bySimilarity)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank).id(), 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        return candidates.values().stream()
                .sorted(Comparator.comparingDouble((Fact fact) -> scores.get(fact.id())).reversed())
                .limit(limit)
                .map(fact -> new ChunkHit(context(fact), scores.get(fact.id())))
                .toList();
    }

    /** The facts of the entities the query names (distance 0), then of the entities those facts point to (distance 1), newest first within each. */
    private List<Fact> nearNamedEntities(String query, Instant now, int limit) {
        List<Fact> named = newestFirst(memory.relationsFrom(EntityNames.candidateIds(query), now));
        Set<String> pointedTo = named.stream().map(fact -> fact.edge().object().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Fact> ranked = new ArrayList<>(named);
        newestFirst(pointedTo.isEmpty() ? List.of() : memory.relationsFrom(pointedTo, now)).stream()
                .filter(fact -> !ranked.contains(fact))
                .forEach(ranked::add);
        return ranked.size() <= limit ? ranked : ranked.subList(0, limit);
    }

    private static List<Fact> newestFirst(List<Fact> facts) {
        return facts.stream().sorted(Comparator.comparing(Fact::validFrom).reversed()).toList();
    }

    private List<Fact> bySimilarity(Question asked, List<Fact> candidates) {
        float[] question = asked.embedding();
        List<float[]> vectors = embeddings.embedAll(candidates.stream().map(Fact::content).toList());
        Map<String, Double> similarity = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            similarity.put(candidates.get(i).id(), cosine(question, vectors.get(i)));
        }
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

    private static Chunk context(Fact fact) {
        String held = "true since " + fact.validFrom() + (fact.validTo() == null ? "" : " until " + fact.validTo())
                + ", known since " + fact.recordedAt();
        return Chunk.ofMemory(fact.id(), "Memory: " + fact.subject() + " " + fact.edge().relation() + " " + fact.edge().object(),
                held, fact.content());
    }
}
