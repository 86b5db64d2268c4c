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
import java.util.List;
import java.util.Optional;

/**
 * Memory retrieval: the {@link FactSearch} of the question over the facts that hold now as the system
 * knows them now (relations between entities, Graphiti's edges), graph distance measured from the
 * entities the question names. Each fact comes back as a context of kind {@code memory}.
 */
@ApplicationScoped
public class MemoryRetriever implements ChunkRetriever {

    private final FactSearch facts;
    private final Clock clock;

    @Inject
    public MemoryRetriever(TemporalMemory memory, EmbeddingModel embeddings, Clock clock) {
        this.facts = new FactSearch(memory, embeddings);
        this.clock = clock;
    }

    protected MemoryRetriever() {
        this.facts = null;
        this.clock = null;
    }

    @Override
    public Retriever kind() {
        return Retriever.MEMORY;
    }

    @Override
    @TrackedStage("memory")
    public List<ChunkHit> retrieve(Question question, int limit) {
        Instant now = clock.instant();
        return facts.search(question, Optional.empty(), now, now, limit).stream()
                .map(found -> new ChunkHit(context(found.fact()), found.score()))
                .toList();
    }

    private static Chunk context(Fact fact) {
        String held = "true since " + fact.validFrom() + (fact.validTo() == null ? "" : " until " + fact.validTo())
                + ", known since " + fact.recordedAt();
        return Chunk.ofMemory(fact.id(), "Memory: " + fact.subject() + " " + fact.edge().relation() + " " + fact.edge().object(),
                held, fact.content());
    }
}
