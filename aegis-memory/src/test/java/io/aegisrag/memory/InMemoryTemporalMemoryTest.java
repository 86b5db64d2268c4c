package io.aegisrag.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.TemporalMemoryContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.aegisrag.core.memory.MemoryScope.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InMemoryTemporalMemoryTest extends TemporalMemoryContract {

    @Override
    protected TemporalMemory createMemory() {
        return new InMemoryTemporalMemory();
    }

    @Test
    void should_neither_close_nor_repeat_a_fact_when_the_same_relation_is_recorded_again() {
        InMemoryTemporalMemory memory = new InMemoryTemporalMemory();
        Instant jan = Instant.parse("2026-01-01T00:00:00Z");
        Instant feb = Instant.parse("2026-02-01T00:00:00Z");

        memory.record(Fact.relation("1", "alice", new Fact.Edge("works_at", "acme"), "works at Acme", jan, jan), true);
        memory.record(Fact.relation("2", "alice", new Fact.Edge("works_at", "acme"), "works at Acme", feb, feb), true);

        assertThat(memory.factsAt(ALL, Instant.parse("2026-03-01T00:00:00Z"), Optional.of("alice"), Optional.empty()))
                .as("still true from January, and held once").extracting(Fact::id, Fact::validFrom).containsExactly(tuple("1", jan));
    }
}
