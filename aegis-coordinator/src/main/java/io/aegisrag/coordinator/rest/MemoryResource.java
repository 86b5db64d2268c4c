package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.memory.EpisodeRequest;
import io.aegisrag.coordinator.memory.EpisodeService;
import io.aegisrag.coordinator.memory.MemoryEntities;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.security.RateLimited;
import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.retrieval.search.FactSearch;
import io.aegisrag.retrieval.search.Question;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Temporal memory over REST: episodes in, and the bi-temporal view out: what was true at
 * {@code valid_at} as the system knew it at {@code known_at}, and an entity's facts on both axes.
 * Episodes are recorded in the caller's group, and every read sees the groups the caller reads.
 */
@Path("/api/v1/memory")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MemoryResource {

    private static final int MAX_PAGE = 100;
    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_QUERY_CHARS = 4000;

    /**
     * A fact with Graphiti's names for its four instants; {@code relation} and {@code object} only for a
     * semantic fact; {@code episodes}, the episodes that support it (Graphiti's {@code episodes} of an edge);
     * {@code groupId}, the memory group it was recorded in.
     */
    public record FactView(String id, String type, String subject, String relation, String object, String content,
                           Instant validAt, Instant invalidAt, Instant createdAt, Instant expiredAt, List<String> episodes, String groupId) {

        static FactView of(Fact fact, List<String> episodes) {
            Fact.Edge edge = fact.edge();
            return new FactView(fact.id(), fact.type().label(), fact.subject(), edge == null ? null : edge.relation(),
                    edge == null ? null : edge.object(), fact.content(), fact.validFrom(), fact.validTo(), fact.recordedAt(), fact.expiredAt(),
                    episodes, fact.group());
        }
    }

    /**
     * An episode of a conversation: its session, what was said (its first 200 characters), when it happened,
     * when it was recorded, and the memory group it belongs to.
     */
    public record EpisodeSummary(String episodeId, String sessionId, String content, Instant validAt, Instant createdAt, String groupId) {
    }

    /** An entity of memory: what the facts true now say of it, when it was first and last seen, the episodes that name it. */
    public record MemoryEntityView(String id, String name, String summary, Instant firstSeen, Instant lastSeen, List<String> episodes) {
    }

    /** The entities found, the last seen first. */
    public record MemoryEntityPage(List<MemoryEntityView> items, int limit) {
    }

    /** An entity with the semantic facts true now that name it. */
    public record MemoryEntityDetail(String id, String name, String summary, Instant firstSeen, Instant lastSeen, List<String> episodes,
                                     List<FactView> facts) {
    }

    /** One page of episodes, the latest first. */
    public record EpisodePage(List<EpisodeSummary> items, long total, int offset, int limit) {
    }

    /** One page of facts, with the instants it was read at. */
    public record FactPage(List<FactView> items, long total, int offset, int limit, Instant validAt, Instant knownAt) {
    }

    /** A fact a search found: its fused score and its 1-based rank in each ranking ({@code words}, {@code graph}, {@code similarity}) that has it. */
    public record FoundFact(FactView fact, double score, Map<String, Integer> ranks) {
    }

    /** What a fact search found, best first, and the instants it searched at. */
    public record FactSearchPage(List<FoundFact> items, int limit, Instant validAt, Instant knownAt) {
    }

    /** Every version of every fact about an entity. */
    public record History(String entity, List<FactView> facts) {
    }

    /** What an episode taught, and who read it: {@code rules} or {@code llm}. */
    public record EpisodeView(String episodeId, List<Entity> entities, List<FactView> facts, String readBy) {
    }

    @Inject
    TemporalMemory memory;

    @Inject
    CurrentCaller caller;

    @Inject
    EpisodeService episodes;

    @Inject
    MemoryEntities entities;

    @Inject
    EmbeddingModel embeddings;

    @Inject
    RequestValidator validator;

    @Inject
    Clock clock;

    private FactSearch facts;

    @PostConstruct
    void createFactSearch() {
        facts = new FactSearch(memory, embeddings);
    }

    @POST
    @Path("/episodes")
    @RateLimited
    @Requires(Role.WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an episode of a conversation: the episode, the entities it mentions and the relations it states become facts")
    @RequestBody(content = @Content(schema = @Schema(implementation = EpisodeRequest.class)))
    public Response episode(String body) {
        return Response.status(Response.Status.CREATED).entity(record(JsonFields.parse(body))).build();
    }

    /** Records the episode {@code fields} describe ({@code session_id}, {@code content}, {@code reference_time}). */
    public EpisodeView record(JsonFields fields) {
        EpisodeRequest episode = validator.valid(new EpisodeRequest(
                fields.string("session_id"), fields.string("content"), fields.string("reference_time")));
        EpisodeService.Recorded recorded = episodes.record(caller.get().memory().group(), episode.sessionId(), episode.content(),
                Optional.ofNullable(QueryParams.instant("reference_time", episode.referenceTime(), null)));
        return new EpisodeView(recorded.episodeId(), recorded.entities(), recorded.facts().stream().map(fact -> FactView.of(fact, null)).toList(),
                recorded.readBy());
    }

    @GET
    @Path("/facts")
    @Operation(summary = "Facts true at valid_at as the system knew them at known_at (both ISO-8601, default now)")
    public FactPage facts(@QueryParam("entity") String entity, @QueryParam("type") String type,
                          @QueryParam("valid_at") String validAt, @QueryParam("known_at") String knownAt,
                          @QueryParam("include_invalid") @DefaultValue("false") String includeInvalid,
                          @QueryParam("offset") @DefaultValue("0") String offset,
                          @QueryParam("limit") @DefaultValue("20") String limit) {
        Instant now = clock.instant();
        Instant valid = QueryParams.instant("valid_at", validAt, now);
        Instant known = QueryParams.instant("known_at", knownAt, now);
        int from = QueryParams.integer("offset", offset, 0, Integer.MAX_VALUE - MAX_PAGE);
        int size = QueryParams.integer("limit", limit, 1, MAX_PAGE);
        List<Fact> facts = memory.factsAt(caller.get().memory(), valid, known, Optional.ofNullable(entity), factType(type),
                QueryParams.bool("include_invalid", includeInvalid));
        List<FactView> page = views(facts.subList(Math.min(from, facts.size()), Math.min(from + size, facts.size())));
        return new FactPage(page, facts.size(), from, size, valid, known);
    }

    @GET
    @Path("/facts/search")
    @Operation(summary = "Search the facts true at valid_at as known at known_at: by their words, by graph distance from center"
            + " (else from the entities q names) and by embedding similarity, fused by reciprocal rank")
    public FactSearchPage searchFacts(@QueryParam("q") String q, @QueryParam("center") String center,
                                      @QueryParam("valid_at") String validAt, @QueryParam("known_at") String knownAt,
                                      @QueryParam("limit") @DefaultValue("10") String limit) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException("q", "must be the words to search for, 1 to " + MAX_QUERY_CHARS + " characters");
        }
        if (center != null && (center.isBlank() || center.length() > MAX_NAME_CHARS)) {
            throw new InvalidInputException("center", "must name an entity, at most " + MAX_NAME_CHARS + " characters");
        }
        Instant now = clock.instant();
        Instant valid = QueryParams.instant("valid_at", validAt, now);
        Instant known = QueryParams.instant("known_at", knownAt, now);
        int size = QueryParams.integer("limit", limit, 1, MAX_PAGE);
        List<FactSearch.Found> found = facts.search(new Question(q, embeddings, caller.get().memory()), Optional.ofNullable(center), valid,
                known, size);
        Map<String, List<String>> supporting = memory.episodesOf(found.stream().map(FactSearch.Found::fact).toList());
        return new FactSearchPage(found.stream()
                .map(hit -> new FoundFact(FactView.of(hit.fact(), supporting.getOrDefault(hit.fact().id(), List.of())), hit.score(), hit.ranks()))
                .toList(), size, valid, known);
    }

    @GET
    @Path("/entities")
    @Operation(summary = "Entities of memory whose name contains name, the last seen first, each with a summary of what the facts true now say of it")
    public MemoryEntityPage entities(@QueryParam("name") @DefaultValue("") String name, @QueryParam("limit") @DefaultValue("20") String limit) {
        if (name.length() > MAX_NAME_CHARS) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME_CHARS + " characters");
        }
        int size = QueryParams.integer("limit", limit, 1, MAX_PAGE);
        return new MemoryEntityPage(entities.find(caller.get().memory(), name, size).stream()
                .map(entity -> new MemoryEntityView(entity.id(), entity.name(), entity.summary(), entity.firstSeen(), entity.lastSeen(),
                        entity.episodes()))
                .toList(), size);
    }

    @GET
    @Path("/entities/{id}")
    @Operation(summary = "One entity of memory, its summary and the facts true now that name it")
    public MemoryEntityDetail entity(@PathParam("id") String id) {
        MemoryEntities.MemoryEntity entity = entities.get(caller.get().memory(), id).orElseThrow(() -> new NotFoundException("entity", id));
        return new MemoryEntityDetail(entity.id(), entity.name(), entity.summary(), entity.firstSeen(), entity.lastSeen(), entity.episodes(),
                views(entity.facts()));
    }

    @GET
    @Path("/entities/{id}/history")
    @Operation(summary = "Every version of every fact about an entity, on both time axes")
    public History history(@PathParam("id") String id) {
        List<Fact> facts = memory.history(caller.get().memory(), id);
        if (facts.isEmpty()) {
            throw new NotFoundException("entity", id);
        }
        return new History(id, views(facts));
    }

    @GET
    @Path("/episodes")
    @Operation(summary = "The episodes of conversations, the latest first, optionally of one session")
    public EpisodePage episodes(@QueryParam("session_id") String sessionId, @QueryParam("offset") @DefaultValue("0") String offset,
                                @QueryParam("limit") @DefaultValue("20") String limit) {
        int from = QueryParams.integer("offset", offset, 0, Integer.MAX_VALUE - MAX_PAGE);
        int size = QueryParams.integer("limit", limit, 1, MAX_PAGE);
        List<EpisodeService.Episode> all = episodes.list(caller.get().memory(), Optional.ofNullable(sessionId));
        List<EpisodeSummary> page = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())).stream()
                .map(episode -> new EpisodeSummary(episode.id(), episode.sessionId(), episode.content(), episode.validAt(), episode.createdAt(),
                        episode.group()))
                .toList();
        return new EpisodePage(page, all.size(), from, size);
    }

    @DELETE
    @Path("/episodes/{id}")
    @Requires(Role.WRITER)
    @Operation(summary = "Forget an episode of a conversation: the facts only it supports go, a fact another episode supports too stays."
            + " A caller forgets its own group's episodes; an admin any")
    public Response forgetEpisode(@PathParam("id") String id) {
        if (!episodes.forget(caller.get().changeable(), id)) {
            throw new NotFoundException("episode", id);
        }
        return Response.noContent().build();
    }

    private List<FactView> views(List<Fact> facts) {
        Map<String, List<String>> supporting = memory.episodesOf(facts);
        return facts.stream().map(fact -> FactView.of(fact, supporting.getOrDefault(fact.id(), List.of()))).toList();
    }

    private static Optional<FactType> factType(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Arrays.stream(FactType.values()).filter(type -> type.label().equals(label.strip().toLowerCase(Locale.ROOT))).findFirst()
                .map(Optional::of)
                .orElseThrow(() -> new InvalidInputException("type", "must be one of episodic, semantic, entity, got '" + label + "'"));
    }
}
