package io.aegisrag.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.RetentionPolicy;
import io.aegisrag.core.memory.Supersession;
import io.aegisrag.core.port.TemporalMemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link TemporalMemory} held in the JVM. A fact's later versions (a contradicted fact recorded again
 * with its end) are named {@code <id>~<id of the fact that ended it>}, so replaying the same records
 * gives the same versions, and forgetting an episode forgets every version of its facts.
 */
public final class InMemoryTemporalMemory implements TemporalMemory {

    private final List<Fact> facts = new ArrayList<>();
    private final Map<FactType, Long> counts = new EnumMap<>(FactType.class);
    private final Map<String, Set<String>> factIdsByEpisode = new LinkedHashMap<>();
    private final Map<String, String> groupOfEpisode = new HashMap<>();
    private final Map<String, float[]> embeddingOfLineage = new HashMap<>();
    private final RelationIndex relations = new RelationIndex();

    @Override
    public synchronized void record(Fact fact, boolean supersedes) {
        store(fact, supersedes);
    }

    /** Records {@code fact}; returns the lineage that holds what it states: its own, or that of the believed fact it restates. */
    private String store(Fact fact, boolean supersedes) {
        if (!supersedes || fact.edge() == null) {
            put(fact);
            return fact.lineage();
        }
        Optional<Fact> restated = relations.of(fact.subject()).stream().filter(old -> old.expiredAt() == null && old.isRestatedBy(fact)).findFirst();
        if (restated.isPresent()) {
            Fact old = restated.get();
            if (fact.validFrom().isBefore(old.validFrom())) {
                expire(old.expired(fact.recordedAt()));
                put(old.startingAt(fact.validFrom(), old.id() + "~" + fact.id(), fact.recordedAt()));
            }
            return old.lineage();
        }
        Supersession change = Supersession.of(fact, relations.of(fact.subject()).stream().filter(old -> old.isContradictedBy(fact)).toList());
        change.expired().forEach(this::expire);
        change.added().forEach(this::put);
        return fact.lineage();
    }

    private void expire(Fact expired) {
        facts.replaceAll(old -> old.id().equals(expired.id()) ? expired : old);
        relations.replace(expired);
        counts.merge(expired.type(), -1L, Long::sum);
    }

    @Override
    public synchronized void recordEpisode(String episodeId, List<Fact> episodeFacts, Map<String, float[]> embeddings) {
        Set<String> ids = factIdsByEpisode.computeIfAbsent(episodeId, id -> new HashSet<>());
        episodeFacts.stream().findFirst().ifPresent(fact -> groupOfEpisode.putIfAbsent(episodeId, fact.group()));
        for (Fact fact : episodeFacts) {
            String lineage = store(fact, true);
            ids.add(lineage);
            float[] embedding = embeddings.get(fact.id());
            if (embedding != null) {
                embeddingOfLineage.putIfAbsent(lineage, embedding);
            }
        }
    }

    @Override
    public synchronized Map<String, float[]> embeddingsOf(List<Fact> of) {
        return Fact.byVersion(of, embeddingOfLineage);
    }

    @Override
    public synchronized boolean forgetEpisode(String episodeId) {
        Set<String> ids = factIdsByEpisode.remove(episodeId);
        if (ids == null) {
            return false;
        }
        groupOfEpisode.remove(episodeId);
        forget(unsupported(ids));
        return true;
    }

    /** Those of {@code ids} no episode memory still holds supports. */
    private Set<String> unsupported(Set<String> ids) {
        Set<String> unsupported = new HashSet<>(ids);
        factIdsByEpisode.values().forEach(unsupported::removeAll);
        return unsupported;
    }

    @Override
    public synchronized Map<String, List<String>> episodesOf(List<Fact> of) {
        Map<String, List<String>> episodes = new LinkedHashMap<>();
        for (Fact fact : of) {
            episodes.put(fact.id(), factIdsByEpisode.entrySet().stream().filter(entry -> entry.getValue().contains(fact.lineage()))
                    .map(Map.Entry::getKey).toList());
        }
        return episodes;
    }

    /** Removes every version of the facts {@code ids}; returns how many facts (believed versions) went. */
    private int forget(Set<String> ids) {
        List<Fact> gone = facts.stream().filter(fact -> ids.contains(fact.lineage()) && fact.expiredAt() == null).toList();
        facts.removeIf(fact -> ids.contains(fact.lineage()));
        relations.removeIf(fact -> ids.contains(fact.lineage()));
        embeddingOfLineage.keySet().removeAll(ids);
        gone.forEach(fact -> counts.merge(fact.type(), -1L, Long::sum));
        return gone.size();
    }

    @Override
    public synchronized int retain(RetentionPolicy policy, Instant now) {
        Map<String, String> episodeOfFact = new HashMap<>();
        factIdsByEpisode.forEach((episode, ids) -> ids.forEach(id -> episodeOfFact.put(id, episode)));
        RetentionPolicy.Removal removal = policy.select(
                facts.stream().map(fact -> new RetentionPolicy.Held(fact, episodeOfFact.get(fact.lineage()))).toList(), now);
        Set<String> gone = new HashSet<>(removal.facts());
        Set<String> ofEpisodes = new HashSet<>();
        removal.episodes().forEach(episode -> {
            ofEpisodes.addAll(factIdsByEpisode.remove(episode));
            groupOfEpisode.remove(episode);
        });
        gone.addAll(unsupported(ofEpisodes));
        return forget(gone);
    }

    /** Inserts a fact as it is (a version, expired or not), without looking for contradictions: a compacted journal's line. */
    synchronized void put(Fact fact) {
        facts.add(fact);
        relations.add(fact);
        if (fact.expiredAt() == null) {
            counts.merge(fact.type(), 1L, Long::sum);
        }
    }

    /** Keeps {@code embedding} for the fact {@code lineage} and its versions: a compacted journal's line. */
    synchronized void keepEmbedding(String lineage, float[] embedding) {
        embeddingOfLineage.put(lineage, embedding);
    }

    /** Makes the facts {@code ids} an episode of {@code group}: a compacted journal's line. */
    synchronized void adopt(String episodeId, String group, Set<String> ids) {
        factIdsByEpisode.computeIfAbsent(episodeId, id -> new HashSet<>()).addAll(ids);
        groupOfEpisode.putIfAbsent(episodeId, group);
    }

    /** Moves every version of the facts {@code lineages} to {@code group}: a document episode's facts compacted before groups existed. */
    synchronized void moveToGroup(Set<String> lineages, String group) {
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            if (lineages.contains(fact.lineage())) {
                facts.set(i, fact.inGroup(group));
                relations.replace(facts.get(i));
            }
        }
    }

    /** Every fact, version by version, and the facts and group of each episode: what a compacted journal holds. */
    synchronized Snapshot snapshot() {
        Map<String, Set<String>> episodes = new LinkedHashMap<>();
        factIdsByEpisode.forEach((episode, ids) -> episodes.put(episode, Set.copyOf(ids)));
        return new Snapshot(List.copyOf(facts), episodes, Map.copyOf(groupOfEpisode), Map.copyOf(embeddingOfLineage));
    }

    /** How many fact versions the store holds, expired ones included. */
    synchronized int versions() {
        return facts.size();
    }

    /** The state of the store, for a compacted journal. */
    record Snapshot(List<Fact> facts, Map<String, Set<String>> episodes, Map<String, String> groups, Map<String, float[]> embeddings) {

        String groupOf(String episode) {
            return groups.getOrDefault(episode, MemoryScope.DEFAULT_GROUP);
        }
    }

    /** Whether memory holds facts of the episode, without copying the set of episodes. */
    synchronized boolean hasEpisode(String episodeId) {
        return factIdsByEpisode.containsKey(episodeId);
    }

    @Override
    public synchronized Set<String> episodes(MemoryScope scope) {
        return factIdsByEpisode.keySet().stream()
                .filter(episode -> scope.reads(groupOfEpisode.getOrDefault(episode, MemoryScope.DEFAULT_GROUP)))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized List<Fact> factsAt(MemoryScope scope, Instant validAt, Instant knownAt, Optional<String> subject,
                                           Optional<FactType> type, boolean includeInvalid) {
        return facts.stream()
                .filter(fact -> scope.reads(fact.group()))
                .filter(fact -> fact.isKnownAt(knownAt) && (includeInvalid || fact.isValidAt(validAt)))
                .filter(fact -> subject.map(fact.subject()::equalsIgnoreCase).orElse(true))
                .filter(fact -> type.map(fact.type()::equals).orElse(true))
                .sorted(Fact.BY_VALID_FROM)
                .toList();
    }

    @Override
    public synchronized List<Fact> search(MemoryScope scope, String text, Instant validAt, Instant knownAt, int limit) {
        return relations.search(scope, new KeywordMatch(text), validAt, knownAt, limit);
    }

    @Override
    public synchronized List<Fact> relationsFrom(MemoryScope scope, Set<String> subjects, Instant validAt, Instant knownAt) {
        return relations.from(scope, subjects, validAt, knownAt);
    }

    @Override
    public synchronized List<Fact> history(MemoryScope scope, String subject) {
        return facts.stream()
                .filter(fact -> scope.reads(fact.group()) && fact.subject().equalsIgnoreCase(subject))
                .sorted(Fact.BY_RECORDED_AT)
                .toList();
    }

    @Override
    public synchronized long count(FactType type) {
        return counts.getOrDefault(type, 0L);
    }

    @Override
    public String serviceName() {
        return "embedded_memory";
    }

    /** Takes the lock every read and write takes, and reads the counts. */
    @Override
    public boolean isAvailable() {
        return count(FactType.EPISODIC) >= 0;
    }
}
