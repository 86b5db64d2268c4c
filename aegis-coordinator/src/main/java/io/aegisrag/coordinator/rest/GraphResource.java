package io.aegisrag.coordinator.rest;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.retrieval.graph.Communities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The knowledge graph over REST: entity search, one entity with its relations and the chunks that
 * mention it, its neighbourhood, and the communities of the entity graph.
 */
@Path("/api/v1/graph")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {

    private static final int MAX_PAGE = 100;
    private static final int MAX_NAME_CHARS = 200;
    private static final int RELATIONS_SHOWN = 100;
    private static final int CHUNKS_SHOWN = 20;
    private static final int NEIGHBORS_PER_HOP = 50;

    /** An entity and how many chunks mention it. */
    public record EntityView(String id, String name, String type, int mentions) {
    }

    /** The entities a search found, best match first. */
    public record EntityPage(List<EntityView> items, int limit) {
    }

    /** A relation, from {@code source} to {@code target}, the chunk it was found in and the sentence that states it. */
    public record RelationView(String source, String target, String type, String chunkId, String sentence) {
    }

    /** A chunk that mentions an entity. */
    public record ChunkView(String id, String documentId, String title, String section) {
    }

    /** One entity with its relations (at most 100) and the chunks that mention it (at most 20). */
    public record EntityDetail(String id, String name, String type, int mentions, List<RelationView> relations, List<ChunkView> chunks) {
    }

    /** An entity {@code distance} relations away. */
    public record Neighbor(String id, String name, String type, int distance) {
    }

    /** The entities up to {@code depth} relations away from {@code entity}, nearest first. */
    public record Neighborhood(String entity, int depth, List<Neighbor> neighbors) {
    }

    /** A community of the entity graph: its entities (most mentioned first), its summary and who wrote it ({@code extractive} or {@code llm}), its keywords. */
    public record CommunityView(String id, int size, int mentions, List<EntityView> entities, String summary, String summarizedBy,
                                List<String> keywords) {
    }

    /** The largest communities first. */
    public record CommunityPage(List<CommunityView> items, int total, int limit) {
    }

    @Inject
    GraphStore graph;

    @Inject
    Communities communities;

    @Inject
    VectorStore store;

    @GET
    @Path("/entities")
    @Operation(summary = "Entities named like name (equal, starting with it, containing it, or one typo away), optionally of a type")
    public EntityPage entities(@QueryParam("name") @DefaultValue("") String name, @QueryParam("type") String type,
                               @QueryParam("limit") @DefaultValue("20") String limit) {
        if (name.length() > MAX_NAME_CHARS) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME_CHARS + " characters");
        }
        if (type != null && type.isBlank()) {
            throw new InvalidInputException("type", "must not be blank");
        }
        int size = QueryParams.integer("limit", limit, 1, MAX_PAGE);
        List<EntityView> found = graph.findEntities(name, Optional.ofNullable(type).map(String::strip), size).stream().map(this::view).toList();
        return new EntityPage(found, size);
    }

    @GET
    @Path("/entities/{id}")
    @Operation(summary = "One entity with its relations and the chunks that mention it")
    public EntityDetail entity(@PathParam("id") String id) {
        Entity entity = graph.entity(id).orElseThrow(() -> new NotFoundException("entity", id));
        List<RelationView> relations = graph.relationsOf(id, RELATIONS_SHOWN).stream()
                .map(relation -> new RelationView(relation.sourceId(), relation.targetId(), relation.type(), relation.chunkId(), relation.sentence()))
                .toList();
        Set<String> mentioning = graph.chunksMentioning(Set.of(id));
        List<String> shown = mentioning.stream().sorted().limit(CHUNKS_SHOWN).toList();
        List<ChunkView> chunks = store.chunks(shown).stream().map(GraphResource::view).toList();
        return new EntityDetail(entity.id(), entity.name(), entity.type(), mentioning.size(), relations, chunks);
    }

    @GET
    @Path("/entities/{id}/neighbors")
    @Operation(summary = "The entities one or two relations away, nearest first")
    public Neighborhood neighbors(@PathParam("id") String id, @QueryParam("depth") @DefaultValue("1") String depth) {
        int hops = QueryParams.integer("depth", depth, 1, 2);
        graph.entity(id).orElseThrow(() -> new NotFoundException("entity", id));
        Map<String, Neighbor> found = new LinkedHashMap<>();
        List<String> frontier = List.of(id);
        for (int distance = 1; distance <= hops; distance++) {
            List<String> next = new ArrayList<>();
            for (String from : frontier) {
                for (Entity neighbor : graph.neighbors(from, NEIGHBORS_PER_HOP)) {
                    if (!neighbor.id().equals(id) && !found.containsKey(neighbor.id())) {
                        found.put(neighbor.id(), new Neighbor(neighbor.id(), neighbor.name(), neighbor.type(), distance));
                        next.add(neighbor.id());
                    }
                }
            }
            frontier = next;
        }
        return new Neighborhood(id, hops, List.copyOf(found.values()));
    }

    @GET
    @Path("/communities")
    @Operation(summary = "Communities of the entity graph (label propagation), largest first, each with its summary (extractive, or written by the chat model when configured)")
    public CommunityPage communities(@QueryParam("limit") @DefaultValue("20") String limit) {
        int size = QueryParams.integer("limit", limit, 1, MAX_PAGE);
        List<Communities.Community> all = communities.all();
        List<CommunityView> page = all.stream().limit(size)
                .map(community -> new CommunityView(community.id(), community.members().size(), community.mentions(),
                        community.members().stream().limit(MAX_PAGE).map(this::view).toList(), community.summary(), community.summarizedBy(),
                        community.keywords()))
                .toList();
        return new CommunityPage(page, all.size(), size);
    }

    private EntityView view(Entity entity) {
        return new EntityView(entity.id(), entity.name(), entity.type(), graph.chunksMentioning(Set.of(entity.id())).size());
    }

    private static ChunkView view(Chunk chunk) {
        return new ChunkView(chunk.id(), chunk.documentId().value(), chunk.title(), chunk.section());
    }
}
