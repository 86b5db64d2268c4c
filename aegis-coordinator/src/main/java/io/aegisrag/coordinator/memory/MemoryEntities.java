package io.aegisrag.coordinator.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.retrieval.graph.EntitySummarizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entities of temporal memory, read from what it holds: one per id (names merged as the
 * extractors merge them), named as its mentions name it, with a summary of what the facts believed
 * and true now say of it (their statements, oldest first), when it was first and last seen, and the
 * episodes that mention it or state its facts. A contradicting episode changes the summary at once:
 * the facts it ended no longer hold. One entity's detail ({@link #get}) carries the summary the
 * {@link EntitySummarizer} writes from those statements instead, when it writes one (the chat chain's,
 * with {@code aegis.extraction.provider=llm}). Each caller sees the entities of the groups it reads,
 * described by their facts alone.
 */
@ApplicationScoped
public class MemoryEntities {

    static final int SUMMARY_CHARS = 600;

    /** An entity and what memory says of it now; {@code facts} are the semantic facts true now that name it. */
    public record MemoryEntity(String id, String name, String summary, Instant firstSeen, Instant lastSeen, List<String> episodes,
                               List<Fact> facts) {
    }

    private final TemporalMemory memory;
    private final EntitySummarizer summarizer;
    private final Clock clock;

    @Inject
    public MemoryEntities(TemporalMemory memory, EntitySummarizer summarizer, Clock clock) {
        this.memory = memory;
        this.summarizer = summarizer;
        this.clock = clock;
    }

    protected MemoryEntities() {
        this(null, null, null);
    }

    /** The entities of {@code scope} whose name or id contains {@code name} (ignoring case; every entity when blank), the last seen first. */
    public List<MemoryEntity> find(MemoryScope scope, String name, int limit) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return described(held(scope, now).entrySet().stream()
                .filter(entity -> entity.getKey().contains(wanted) || nameOf(entity.getKey(), entity.getValue()).toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(Comparator.comparing((Map.Entry<String, List<Fact>> entity) -> lastSeen(entity.getValue())).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .toList(), now);
    }

    /** The entity {@code id} as the facts of {@code scope} describe it; empty when they do not name it. */
    public Optional<MemoryEntity> get(MemoryScope scope, String id) {
        Instant now = clock.instant();
        String key = id.strip().toLowerCase(Locale.ROOT);
        List<Fact> facts = held(scope, now).get(key);
        if (facts == null) {
            return Optional.empty();
        }
        MemoryEntity extractive = described(List.of(Map.entry(key, facts)), now).get(0);
        return Optional.of(summarizer.summarize(extractive.name(), statements(extractive.facts()))
                .map(summary -> new MemoryEntity(extractive.id(), extractive.name(), summary, extractive.firstSeen(), extractive.lastSeen(),
                        extractive.episodes(), extractive.facts()))
                .orElse(extractive));
    }

    private static List<String> statements(List<Fact> current) {
        return current.stream().map(fact -> fact.content().strip().replaceAll("[.\\s]+$", "")).distinct().toList();
    }

    /** The facts memory believes now that name each entity (as subject, object or mention), by entity id. */
    private Map<String, List<Fact>> held(MemoryScope scope, Instant now) {
        Map<String, List<Fact>> byEntity = new LinkedHashMap<>();
        for (Fact fact : memory.factsAt(scope, now, now, Optional.empty(), Optional.empty(), true)) {
            if (fact.type() == FactType.EPISODIC) {
                continue;
            }
            byEntity.computeIfAbsent(fact.subject().toLowerCase(Locale.ROOT), id -> new ArrayList<>()).add(fact);
            if (fact.edge() != null) {
                byEntity.computeIfAbsent(fact.edge().object().toLowerCase(Locale.ROOT), id -> new ArrayList<>()).add(fact);
            }
        }
        return byEntity;
    }

    /** The entities chosen, with the episodes that support their facts (asked of memory for those facts only). */
    private List<MemoryEntity> described(List<Map.Entry<String, List<Fact>>> chosen, Instant now) {
        Map<String, List<String>> episodes = memory.episodesOf(chosen.stream().flatMap(entity -> entity.getValue().stream()).distinct().toList());
        return chosen.stream().map(entity -> entity(entity.getKey(), entity.getValue(), episodes, now)).toList();
    }

    private static String nameOf(String id, List<Fact> facts) {
        return facts.stream().filter(fact -> fact.type() == FactType.ENTITY).map(Fact::content).findFirst().orElse(id);
    }

    private static Instant lastSeen(List<Fact> facts) {
        return facts.stream().map(Fact::validFrom).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static MemoryEntity entity(String id, List<Fact> facts, Map<String, List<String>> episodes, Instant now) {
        List<Fact> current = facts.stream().filter(fact -> fact.type() == FactType.SEMANTIC && fact.isValidAt(now))
                .sorted(Fact.BY_VALID_FROM).toList();
        String summary = statements(current).stream().collect(Collectors.joining(". ", "", current.isEmpty() ? "" : "."));
        Set<String> mentionedIn = new LinkedHashSet<>();
        facts.forEach(fact -> mentionedIn.addAll(episodes.getOrDefault(fact.id(), List.of())));
        Instant first = facts.stream().map(Fact::validFrom).min(Comparator.naturalOrder()).orElseThrow();
        return new MemoryEntity(id, nameOf(id, facts), summary.length() <= SUMMARY_CHARS ? summary : summary.substring(0, SUMMARY_CHARS - 1) + "…",
                first, lastSeen(facts), List.copyOf(mentionedIn), current);
    }
}
