package io.aegisrag.retrieval.graph;

import io.aegisrag.core.config.ConfigDurations;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.graph.SavedCommunity;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The communities of the entity graph, as LightRAG's global mode and Graphiti read them, kept for the
 * questions: found by {@link CommunityDetection}, computed again only when the graph's entity or
 * relation count has changed since the last time, in the background and at most once every
 * {@code aegis.graph.communities.min-interval}, while questions use the last ones.
 * <p>
 * With a {@link CommunitySummarizer} other than {@link CommunitySummarizer#EXTRACTIVE}, the largest
 * communities (at most {@code aegis.graph.community-summary.max} each time they are computed) are
 * summarised again in the background from their members and the sentences that relate them; each
 * summary replaces the extractive one as it is written, and is kept for as long as the community has
 * the same members, so an unchanged community is never summarised twice. Queries never wait for it.
 * The communities are saved in the graph store in the background after each computation, and again
 * once their summaries are written: a restarted service takes the written summaries back.
 */
@ApplicationScoped
public class Communities {

    /**
     * A community: its id (that of its most mentioned entity), members (most mentioned first), summary
     * and who wrote it ({@value #EXTRACTED} or {@value #WRITTEN}), keywords (the words most frequent in the chunks that mention two members or more), the chunks
     * that mention the most members, with how many each mentions (at most {@value CommunityDetection#DEFINING_CHUNKS}),
     * and its terms: the keywords of its summary, its keywords and its members' names,
     * which a question is matched against.
     */
    public record Community(String id, List<Entity> members, int mentions, String summary, String summarizedBy, List<String> keywords,
                            Map<String, Integer> chunks, Set<String> terms) {

        /** The same community with the summary a {@link CommunitySummarizer} wrote. */
        Community summarized(String written) {
            return new Community(id, members, mentions, written, WRITTEN, keywords, chunks, CommunityDetection.terms(keywords, written, members));
        }

        /** What identifies it from one computation to the next: its members. */
        String membership() {
            return members.stream().map(Entity::id).sorted().collect(Collectors.joining("\n"));
        }
    }

    private record Computed(long entities, long relations, List<Community> communities) {
    }

    /** The {@code summarizedBy} of a summary taken from the community's chunks. */
    public static final String EXTRACTED = "extractive";
    /** The {@code summarizedBy} of a summary a {@link CommunitySummarizer} wrote. */
    public static final String WRITTEN = "llm";

    private static final Logger LOG = Logger.getLogger(Communities.class.getName());

    private static final int RELATIONS_PER_MEMBER = 50;
    private static final int STATEMENTS = 30;

    private final GraphStore graph;
    private final CommunityDetection detection;
    private final CommunitySummarizer summarizer;
    private final Executor background;
    private final int maxSummaries;
    private final Map<String, String> written = new ConcurrentHashMap<>();
    private Computed computed = new Computed(-1, -1, List.of());
    private final Duration minInterval;
    private long generation;
    private long computedAt;
    private boolean recomputing;
    private boolean restored;

    /**
     * @param background      where the communities are computed again, saved and summarised, apart from the threads that answer queries
     * @param maxSummaries    how many communities, the largest first, are summarised each time they are computed
     * @param minInterval     the least time between two computations after the first
     */
    public Communities(GraphStore graph, VectorStore store, CommunitySummarizer summarizer, Executor background, int maxSummaries,
                       Duration minInterval) {
        this.graph = graph;
        this.detection = new CommunityDetection(graph, store);
        this.summarizer = summarizer;
        this.background = background;
        this.maxSummaries = maxSummaries;
        this.minInterval = minInterval;
    }

    @Inject
    public Communities(GraphStore graph, VectorStore store, CommunitySummarizer summarizer, @CommunitiesExecutor Executor background,
                       @ConfigProperty(name = ConfigKeys.COMMUNITY_SUMMARY_MAX, defaultValue = "50") int maxSummaries,
                       @ConfigProperty(name = ConfigKeys.COMMUNITIES_MIN_INTERVAL, defaultValue = "PT30S") String minInterval) {
        this(graph, store, summarizer, background, maxSummaries, ConfigDurations.positive(ConfigKeys.COMMUNITIES_MIN_INTERVAL, minInterval));
    }

    /** Communities with extractive summaries only, computed again on the calling thread whenever the graph changed. */
    public Communities(GraphStore graph, VectorStore store) {
        this(graph, store, CommunitySummarizer.EXTRACTIVE, Runnable::run, 0, Duration.ZERO);
    }

    protected Communities() {
        this(null, null, null, null, 0, Duration.ZERO);
    }

    /**
     * The communities: computed now the first time; after the graph changed, those computed last while
     * they are computed again in the background, at most once every {@code aegis.graph.communities.min-interval}.
     */
    public synchronized List<Community> all() {
        long entities = graph.entityCount();
        long relations = graph.relationCount();
        if (computed.entities() < 0) {
            apply(entities, relations, detection.detect());
            refreshInBackground(generation, computed.communities());
        } else if ((computed.entities() != entities || computed.relations() != relations) && !recomputing
                && System.nanoTime() - computedAt >= minInterval.toNanos()) {
            recomputing = true;
            try {
                background.execute(this::recomputeAndRefresh);
            } catch (RejectedExecutionException e) {
                recomputing = false;
                LOG.warning("the communities could not be computed again in the background (" + e.getMessage() + "); the last ones stay");
            }
        }
        return computed.communities();
    }

    /**
     * Computes the communities again on the background thread, without holding the lock that questions
     * take, then saves and summarises them there.
     */
    private void recomputeAndRefresh() {
        long of;
        List<Community> fresh;
        try {
            long entities = graph.entityCount();
            long relations = graph.relationCount();
            List<Community> computedNow = detection.detect();
            synchronized (this) {
                apply(entities, relations, computedNow);
                of = generation;
                fresh = computed.communities();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the communities could not be computed again; the last ones stay", e);
            return;
        } finally {
            synchronized (this) {
                recomputing = false;
            }
        }
        refresh(of, fresh);
    }

    /** Takes {@code fresh} as the communities of the graph with these counts, their written summaries applied. */
    private synchronized void apply(long entities, long relations, List<Community> fresh) {
        Set<String> memberships = fresh.stream().map(Community::membership).collect(Collectors.toSet());
        if (!restored) {
            restoreWrittenSummaries(memberships);
        }
        written.keySet().retainAll(memberships);
        computed = new Computed(entities, relations, fresh.stream()
                .map(community -> Optional.ofNullable(written.get(community.membership())).map(community::summarized).orElse(community))
                .toList());
        generation++;
        computedAt = System.nanoTime();
    }

    /** The summaries written before the process started, for the communities whose members are the same. */
    private void restoreWrittenSummaries(Set<String> memberships) {
        try {
            for (SavedCommunity saved : graph.savedCommunities()) {
                String membership = saved.memberIds().stream().sorted().collect(Collectors.joining("\n"));
                if (saved.summarizedBy().equals(WRITTEN) && memberships.contains(membership)) {
                    written.put(membership, saved.summary());
                }
            }
            restored = true;
        } catch (RuntimeException e) {
            LOG.warning("the saved communities could not be read (" + e.getMessage() + "); their summaries are written again");
        }
    }

    private void refreshInBackground(long of, List<Community> communities) {
        try {
            background.execute(() -> refresh(of, communities));
        } catch (RejectedExecutionException e) {
            LOG.warning("the communities could not be saved and summarised (" + e.getMessage() + "); they keep their extractive summaries");
        }
    }

    /** Saves the communities of one computation, writes their summaries, and saves them again with those. */
    private void refresh(long of, List<Community> communities) {
        save(of, communities);
        if (summarize(of, communities) > 0) {
            save(of, computedIfCurrent(of));
        }
    }

    private void save(long of, List<Community> communities) {
        if (!isCurrent(of)) {
            return;
        }
        try {
            graph.saveCommunities(communities.stream()
                    .map(community -> new SavedCommunity(community.id(), community.members().stream().map(Entity::id).toList(),
                            community.summary(), community.summarizedBy())).toList());
        } catch (RuntimeException e) {
            LOG.warning("the communities could not be saved in the graph store: " + e.getMessage());
        }
    }

    /**
     * Writes the summaries of the largest communities of one computation, until a newer computation
     * replaces it; how many it wrote.
     */
    private int summarize(long of, List<Community> communities) {
        if (summarizer == CommunitySummarizer.EXTRACTIVE) {
            return 0;
        }
        int asked = 0;
        int wrote = 0;
        for (Community community : communities) {
            if (asked >= maxSummaries || !isCurrent(of)) {
                return wrote;
            }
            if (community.summarizedBy().equals(WRITTEN)) {
                continue;
            }
            asked++;
            try {
                Optional<String> summary = summarizer.summarize(community.members(), statements(community));
                if (summary.isPresent()) {
                    written.put(community.membership(), summary.get());
                    replace(of, community.summarized(summary.get()));
                    wrote++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the summary of community " + community.id() + " could not be written; it keeps its extractive one", e);
            }
        }
        return wrote;
    }

    private synchronized boolean isCurrent(long of) {
        return of == generation;
    }

    private synchronized List<Community> computedIfCurrent(long of) {
        return of == generation ? computed.communities() : List.of();
    }

    private synchronized void replace(long of, Community summarized) {
        if (of == generation) {
            computed = new Computed(computed.entities(), computed.relations(), computed.communities().stream()
                    .map(community -> community.id().equals(summarized.id()) ? summarized : community).toList());
        }
    }

    /** The distinct sentences that relate two members, the most mentioned members' first. */
    private List<String> statements(Community community) {
        Set<String> members = community.members().stream().map(Entity::id).collect(Collectors.toSet());
        Set<String> sentences = new LinkedHashSet<>();
        for (Entity member : community.members()) {
            for (Relation relation : graph.relationsOf(member.id(), RELATIONS_PER_MEMBER)) {
                if (members.contains(relation.sourceId()) && members.contains(relation.targetId()) && !relation.sentence().isBlank()) {
                    sentences.add(relation.sentence().strip());
                }
            }
            if (sentences.size() >= STATEMENTS) {
                break;
            }
        }
        return sentences.stream().limit(STATEMENTS).toList();
    }
}
