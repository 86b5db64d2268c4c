package io.aegisrag.coordinator.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.memory.InMemoryTemporalMemory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryEntitiesTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final MemoryScope ANN = MemoryScope.of("key:ann", Set.of());

    private final InMemoryTemporalMemory memory = new InMemoryTemporalMemory();
    private final List<List<String>> summarised = new ArrayList<>();
    private final MemoryEntities entities = new MemoryEntities(memory, (name, statements) -> {
        summarised.add(statements);
        return Optional.of(name + ": " + statements.size() + " statements");
    }, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));

    private void said(String episode, String group, String object, String sentence, Instant at) {
        memory.recordEpisode(episode, List.of(
                new Fact(episode + "/alice", FactType.ENTITY, "alice", "Alice", at, null, at).inGroup(group),
                Fact.relation(episode + "/r", "alice", new Fact.Edge("works_at", object), sentence, at, at).inGroup(group)));
    }

    @Test
    void should_describe_an_entity_with_the_summarizers_summary_and_list_entities_with_the_extractive_one() {
        said("ep-1", "key:ann", "acme", "Alice works at Acme.", JAN);
        said("ep-2", "key:ann", "globex", "Alice joined Globex.", FEB);

        assertThat(entities.get(ANN, "Alice")).hasValueSatisfying(alice -> {
            assertThat(alice.summary()).isEqualTo("Alice: 1 statements");
            assertThat(alice.episodes()).containsExactly("ep-1", "ep-2");
        });
        assertThat(summarised).containsExactly(List.of("Alice joined Globex"));
        assertThat(entities.find(ANN, "ali", 10)).singleElement().satisfies(alice -> assertThat(alice.summary()).isEqualTo("Alice joined Globex."));
    }

    @Test
    void should_describe_an_entity_by_the_facts_of_the_callers_groups_alone() {
        said("ep-1", "key:ann", "acme", "Alice works at Acme.", JAN);
        said("ep-2", "key:ben", "globex", "Alice joined Globex.", FEB);

        assertThat(entities.find(ANN, "", 10)).extracting(MemoryEntities.MemoryEntity::summary).contains("Alice works at Acme.");
        assertThat(entities.get(MemoryScope.of("key:ben", Set.of()), "alice")).hasValueSatisfying(alice ->
                assertThat(alice.episodes()).containsExactly("ep-2"));
        assertThat(entities.get(MemoryScope.of("key:carl", Set.of()), "alice")).isEmpty();
    }
}
