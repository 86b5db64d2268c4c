package io.aegisrag.core.port;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.RetentionPolicy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Bi-temporal memory of facts, in the Graphiti model. */
public interface TemporalMemory extends BackingService {

    /**
     * Records {@code fact}. When {@code supersedes} is true, a fact about the same subject and of the
     * same type with other content contradicts it where their validities overlap: an older fact the
     * system believed to hold past the new one's {@code validFrom} is expired at the new fact's
     * {@code recordedAt} and recorded again ending at that {@code validFrom}; a new fact that arrives
     * out of order, valid before one already known, is recorded ending where that one begins. Nothing
     * is deleted or overwritten.
     */
    void record(Fact fact, boolean supersedes);

    /**
     * Records every fact one episode produced (an ingested document, whose id is the episode's): all
     * of them or, when this throws, none. Facts recorded this way never supersede others.
     */
    void recordEpisode(String episodeId, List<Fact> facts);

    /** Forgets every fact of the episode; false when memory holds none of it. */
    boolean forgetEpisode(String episodeId);

    /** The ids of the episodes memory holds facts of. */
    Set<String> episodes();

    /** Facts valid at {@code asOf} as the system knew them then, optionally only those about {@code subject} or of {@code type}. */
    default List<Fact> factsAt(Instant asOf, Optional<String> subject, Optional<FactType> type) {
        return factsAt(asOf, asOf, subject, type, false);
    }

    /**
     * What was true at {@code validAt} as the system knew it at {@code knownAt}: the versions believed
     * at {@code knownAt} ({@link Fact#isKnownAt}) that hold at {@code validAt}, or every version believed
     * then when {@code includeInvalid}; by {@code validFrom}. The subject matches ignoring case.
     */
    List<Fact> factsAt(Instant validAt, Instant knownAt, Optional<String> subject, Optional<FactType> type, boolean includeInvalid);

    /** Every version of every fact about {@code subject} (ignoring case), expired ones included, by {@code recordedAt} then {@code validFrom}. */
    List<Fact> history(String subject);

    /**
     * Removes the conversation facts {@code policy} no longer keeps at {@code now} (every version of
     * them; an episode whole) and returns how many facts went.
     */
    int retain(RetentionPolicy policy, Instant now);

    /** How many facts of {@code type} memory holds, whatever their validity (the versions believed now). */
    long count(FactType type);
}
