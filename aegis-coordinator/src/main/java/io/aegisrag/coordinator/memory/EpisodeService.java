package io.aegisrag.coordinator.memory;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.retrieval.graph.EntityExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records an episode of a conversation in temporal memory, without a language model: the episode
 * itself (an episodic fact about the session), one entity fact per name it mentions and one semantic
 * fact per statement relating two of them ({@link RelationStatements}), valid from its reference time
 * and known from now, all or nothing. A statement supersedes the facts it contradicts.
 */
@ApplicationScoped
public class EpisodeService {

    /**
     * Conversation episodes are named apart from documents' (a bare UUID): the start-up reconciliation
     * forgets a UUID-named episode whose document the index lacks, and must never take one of these for it.
     */
    static final String EPISODE_PREFIX = "conversation-";
    private static final int SUMMARY_CHARS = 200;

    /** What an episode taught. */
    public record Recorded(String episodeId, List<Entity> entities, List<Fact> facts) {
    }

    private final TemporalMemory memory;
    private final Clock clock;
    private final EntityExtractor extractor = new EntityExtractor();
    private final RelationStatements statements = new RelationStatements();

    @Inject
    public EpisodeService(TemporalMemory memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    protected EpisodeService() {
        this(null, null);
    }

    /**
     * @param sessionId     the conversation, already validated at the REST boundary
     * @param content       what was said, already validated
     * @param referenceTime when it happened; now when absent
     */
    public Recorded record(String sessionId, String content, Optional<Instant> referenceTime) {
        Instant now = clock.instant();
        Instant validFrom = referenceTime.orElse(now);
        String id = EPISODE_PREFIX + UUID.randomUUID();
        String summary = content.strip();
        summary = summary.length() <= SUMMARY_CHARS ? summary : summary.substring(0, SUMMARY_CHARS) + "...";
        List<Entity> entities = extractor.names(content);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(id + "/episode", FactType.EPISODIC, sessionId, summary, validFrom, null, now));
        for (Entity entity : entities) {
            facts.add(new Fact(id + "/" + entity.id(), FactType.ENTITY, entity.id(),
                    entity.name() + " is mentioned in session " + sessionId + ": " + summary, validFrom, null, now));
        }
        List<RelationStatements.Statement> said = statements.statements(content);
        for (int i = 0; i < said.size(); i++) {
            RelationStatements.Statement statement = said.get(i);
            facts.add(Fact.relation(id + "/relation-" + i, statement.subject().id(),
                    new Fact.Edge(statement.relation(), statement.object().id()), statement.sentence(), validFrom, now));
        }
        memory.recordEpisode(id, facts);
        return new Recorded(id, entities, facts);
    }

}
