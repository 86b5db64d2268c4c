package io.aegisrag.core.port;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.RetentionPolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bi-temporal memory of facts, in the Graphiti model, partitioned into groups: a fact is recorded in
 * its {@link Fact#group()}, facts of different groups never contradict or restate each other, and every
 * read sees only the groups its {@link MemoryScope} reads.
 */
public interface TemporalMemory extends BackingService {

    /**
     * Records {@code fact}. When {@code supersedes} is true, a semantic fact relating the same subject
     * by the same relation to another object ({@link Fact#isContradictedBy}) contradicts it where their
     * validities overlap, as {@link io.aegisrag.core.memory.Supersession} says: nothing is deleted or
     * overwritten, believed versions are expired and new ones recorded.
     */
    void record(Fact fact, boolean supersedes);

    /**
     * Records every fact one episode produced (an ingested document, whose id is the episode's, or a
     * conversation's episode), all in one group: all of them or, when this throws, none. Its semantic facts supersede
     * those they contradict, as {@link #record} does; its other facts never supersede. A semantic fact
     * that states what a believed fact already states (same subject, relation and object, ignoring
     * case, with overlapping validity) is not stored again: the believed fact gains the episode among
     * those that support it ({@link #episodesOf}) and, when the new one became true earlier, a version
     * valid from that earlier instant.
     */
    default void recordEpisode(String episodeId, List<Fact> facts) {
        recordEpisode(episodeId, facts, Map.of());
    }

    /**
     * Records the episode as {@link #recordEpisode(String, List)} does, keeping beside each fact the
     * embedding of its text that {@code embeddings} gives by fact id (Graphiti's {@code fact_embedding}),
     * so that searches compare with it instead of embedding the fact again. A fact that restates a
     * believed one keeps the believed one's embedding.
     */
    void recordEpisode(String episodeId, List<Fact> facts, Map<String, float[]> embeddings);

    /**
     * The embeddings memory keeps of {@code facts}, by fact id; a fact recorded without one is missing.
     * Every version of a fact has the embedding of the fact it is a version of.
     */
    Map<String, float[]> embeddingsOf(List<Fact> facts);

    /**
     * The semantic facts of {@code scope} true at {@code validAt} as the system knew them at {@code knownAt}
     * whose words (of their content, relation, subject and object) match the words of {@code text}, best
     * first, at most {@code limit}: the keyword ranking of the fact search.
     */
    List<Fact> search(MemoryScope scope, String text, Instant validAt, Instant knownAt, int limit);

    /** {@link #search(MemoryScope, String, Instant, Instant, int)} of what holds at {@code at} as known then. */
    default List<Fact> search(MemoryScope scope, String text, Instant at, int limit) {
        return search(scope, text, at, at, limit);
    }

    /**
     * The semantic facts of {@code scope} true at {@code validAt} as the system knew them at {@code knownAt}
     * whose subject is one of {@code subjects} (entity ids, lower case): the edges leaving those entities,
     * for a walk of the graph of facts.
     */
    List<Fact> relationsFrom(MemoryScope scope, Set<String> subjects, Instant validAt, Instant knownAt);

    /** {@link #relationsFrom(MemoryScope, Set, Instant, Instant)} of what holds at {@code at} as known then. */
    default List<Fact> relationsFrom(MemoryScope scope, Set<String> subjects, Instant at) {
        return relationsFrom(scope, subjects, at, at);
    }

    /**
     * Forgets the facts only this episode supports; a fact another episode supports too stays, supported
     * by the others. False when memory holds nothing of the episode.
     */
    boolean forgetEpisode(String episodeId);

    /**
     * The episodes that support each of {@code facts}, keyed by fact id, in the order memory learned
     * them; an empty list for a fact recorded outside any episode.
     */
    Map<String, List<String>> episodesOf(List<Fact> facts);

    /** The ids of the episodes of {@code scope} memory holds facts of. */
    Set<String> episodes(MemoryScope scope);

    /** Facts of {@code scope} valid at {@code asOf} as the system knew them then, optionally only those about {@code subject} or of {@code type}. */
    default List<Fact> factsAt(MemoryScope scope, Instant asOf, Optional<String> subject, Optional<FactType> type) {
        return factsAt(scope, asOf, asOf, subject, type, false);
    }

    /**
     * What was true in {@code scope} at {@code validAt} as the system knew it at {@code knownAt}: the versions believed
     * at {@code knownAt} ({@link Fact#isKnownAt}) that hold at {@code validAt}, or every version believed
     * then when {@code includeInvalid}; by {@code validFrom}, then id ({@link Fact#BY_VALID_FROM}). The subject matches ignoring case.
     */
    List<Fact> factsAt(MemoryScope scope, Instant validAt, Instant knownAt, Optional<String> subject, Optional<FactType> type,
                       boolean includeInvalid);

    /**
     * Every version of every fact of {@code scope} about {@code subject} (ignoring case), expired ones included,
     * by {@code recordedAt}, then {@code validFrom}, then id ({@link Fact#BY_RECORDED_AT}).
     */
    List<Fact> history(MemoryScope scope, String subject);

    /**
     * Removes the conversation facts {@code policy} no longer keeps at {@code now} (every version of
     * them; an episode whole) and returns how many facts went.
     */
    int retain(RetentionPolicy policy, Instant now);

    /** How many facts of {@code type} memory holds, whatever their validity (the versions believed now). */
    long count(FactType type);
}
