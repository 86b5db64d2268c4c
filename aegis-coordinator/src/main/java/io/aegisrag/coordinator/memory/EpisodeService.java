package io.aegisrag.coordinator.memory;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.retrieval.graph.EpisodeReader;
import io.aegisrag.retrieval.graph.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records an episode of a conversation in temporal memory: the episode itself (an episodic fact about
 * the session), one entity fact per entity its reader found and one semantic fact per statement
 * relating two of them, valid from its reference time and known from now, all or nothing, in the
 * caller's memory group. A statement supersedes the facts of that group it contradicts. Each
 * statement's text is embedded once, here, and memory keeps the embedding with the fact for the fact
 * search; when the embedding model fails, the episode is recorded without them (the search embeds
 * those facts when it meets them).
 */
@ApplicationScoped
public class EpisodeService {

    /**
     * Conversation episodes are named apart from documents' (a bare UUID): the start-up reconciliation
     * forgets a UUID-named episode whose document the index lacks, and must never take one of these for it.
     */
    static final String EPISODE_PREFIX = "conversation-";
    private static final String EPISODE_SUFFIX = "/episode";
    private static final int SUMMARY_CHARS = 200;

    /** An episode of a conversation as memory holds it, and the group it was recorded in. */
    public record Episode(String id, String sessionId, String content, Instant validAt, Instant createdAt, String group) {
    }

    /** What an episode taught, and who read it ({@code rules} or {@code llm}). */
    public record Recorded(String episodeId, List<Entity> entities, List<Fact> facts, String readBy) {
    }

    private static final Logger LOG = Logger.getLogger(EpisodeService.class.getName());

    private final TemporalMemory memory;
    private final EpisodeReader reader;
    private final EmbeddingModel embeddings;
    private final Clock clock;

    @Inject
    public EpisodeService(TemporalMemory memory, EpisodeReader reader, EmbeddingModel embeddings, Clock clock) {
        this.memory = memory;
        this.reader = reader;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    protected EpisodeService() {
        this(null, null, null, null);
    }

    /**
     * @param group         the memory group of the caller
     * @param sessionId     the conversation, already validated at the REST boundary
     * @param content       what was said, already validated
     * @param referenceTime when it happened; now when absent
     */
    public Recorded record(String group, String sessionId, String content, Optional<Instant> referenceTime) {
        Instant now = clock.instant();
        Instant validFrom = referenceTime.orElse(now);
        String id = EPISODE_PREFIX + UUID.randomUUID();
        String summary = content.strip();
        summary = summary.length() <= SUMMARY_CHARS ? summary : summary.substring(0, SUMMARY_CHARS) + "...";
        EpisodeReader.Reading reading = reader.read(content);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(id + EPISODE_SUFFIX, FactType.EPISODIC, sessionId, summary, validFrom, null, now));
        for (Entity entity : reading.entities()) {
            facts.add(new Fact(id + "/" + entity.id(), FactType.ENTITY, entity.id(), entity.name(), validFrom, null, now));
        }
        List<Statement> said = reading.statements();
        for (int i = 0; i < said.size(); i++) {
            Statement statement = said.get(i);
            facts.add(Fact.relation(id + "/relation-" + i, statement.subject().id(),
                    new Fact.Edge(statement.relation(), statement.object().id()), statement.sentence(), validFrom, now));
        }
        List<Fact> grouped = facts.stream().map(fact -> fact.inGroup(group)).toList();
        memory.recordEpisode(id, grouped, embedded(grouped));
        return new Recorded(id, reading.entities(), grouped, reading.readBy());
    }

    /** The embeddings of the statements' texts by fact id; none when the embedding model fails. */
    private Map<String, float[]> embedded(List<Fact> facts) {
        List<Fact> statements = facts.stream().filter(fact -> fact.type() == FactType.SEMANTIC).toList();
        if (statements.isEmpty()) {
            return Map.of();
        }
        try {
            List<float[]> vectors = embeddings.embedAll(statements.stream().map(Fact::content).toList());
            Map<String, float[]> byId = new HashMap<>();
            for (int i = 0; i < statements.size(); i++) {
                byId.put(statements.get(i).id(), vectors.get(i));
            }
            return byId;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the embedding model failed; the episode's facts are recorded without their embeddings", e);
            return Map.of();
        }
    }

    /** The episodes of conversations memory holds in {@code scope}, of {@code sessionId} when given, the latest first. */
    public List<Episode> list(MemoryScope scope, Optional<String> sessionId) {
        Instant now = clock.instant();
        List<Fact> episodic = memory.factsAt(scope, now, now, sessionId, Optional.of(FactType.EPISODIC), true).stream()
                .filter(fact -> fact.id().startsWith(EPISODE_PREFIX) && fact.id().endsWith(EPISODE_SUFFIX)).toList();
        return episodic.stream()
                .map(fact -> new Episode(fact.id().substring(0, fact.id().length() - EPISODE_SUFFIX.length()), fact.subject(), fact.content(),
                        fact.validFrom(), fact.recordedAt(), fact.group()))
                .sorted(Comparator.comparing(Episode::validAt).thenComparing(Episode::createdAt).reversed())
                .toList();
    }

    /**
     * Forgets an episode of a conversation in {@code scope}: the facts only it supports go, those another
     * episode supports stay. False when it is no conversation episode memory holds in {@code scope} (a
     * document's episode goes with its document).
     */
    public boolean forget(MemoryScope scope, String episodeId) {
        return episodeId.startsWith(EPISODE_PREFIX) && memory.episodes(scope).contains(episodeId) && memory.forgetEpisode(episodeId);
    }
}
