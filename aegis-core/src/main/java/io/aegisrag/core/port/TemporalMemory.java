package io.aegisrag.core.port;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Bi-temporal memory of facts, in the Graphiti model. */
public interface TemporalMemory extends BackingService {

    /**
     * Records {@code fact}. A new fact about the same subject and of the same type with different
     * content closes the previous one (sets its {@code validTo} to the new fact's {@code validFrom})
     * when {@code supersedes} is true.
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

    /** Facts valid at {@code asOf}, optionally only those about {@code subject} or of {@code type}. */
    List<Fact> factsAt(Instant asOf, Optional<String> subject, Optional<FactType> type);

    /** How many facts of {@code type} memory holds, whatever their validity. */
    long count(FactType type);
}
