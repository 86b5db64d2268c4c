package io.aegisrag.memory;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.TemporalMemoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JournaledTemporalMemoryTest extends TemporalMemoryContract {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    Path directory;

    private JournaledTemporalMemory memory;

    @Override
    protected TemporalMemory createMemory() {
        memory = new JournaledTemporalMemory(directory.resolve("memory/facts.jsonl"));
        return memory;
    }

    @AfterEach
    void close() throws Exception {
        memory.close();
    }

    private JournaledTemporalMemory reopen() throws Exception {
        memory.close();
        memory = new JournaledTemporalMemory(directory.resolve("memory/facts.jsonl"));
        return memory;
    }

    @Test
    void should_remember_facts_and_their_supersession_after_a_restart() throws Exception {
        createMemory();
        memory.record(new Fact("1", FactType.SEMANTIC, "alice", "works at Acme", JAN, null, JAN), true);
        memory.record(new Fact("2", FactType.SEMANTIC, "alice", "works at \"Globex\"\nLtd", FEB, null, FEB), true);

        JournaledTemporalMemory reopened = reopen();

        assertThat(reopened.count(FactType.SEMANTIC)).isEqualTo(2);
        assertThat(reopened.factsAt(Instant.parse("2026-01-15T00:00:00Z"), Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at Acme");
        assertThat(reopened.factsAt(FEB, Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at \"Globex\"\nLtd");
    }

    @Test
    void should_skip_a_torn_last_line_left_by_a_crash() throws Exception {
        createMemory();
        memory.record(new Fact("1", FactType.ENTITY, "lucene", "mentioned", JAN, null, JAN), false);
        memory.close();
        Files.writeString(directory.resolve("memory/facts.jsonl"), "{\"id\":\"2\",\"type\":\"ENT", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        JournaledTemporalMemory reopened = reopen();

        assertThat(reopened.count(FactType.ENTITY)).isEqualTo(1);
        reopened.record(new Fact("3", FactType.ENTITY, "qdrant", "mentioned", FEB, null, FEB), false);
        assertThat(reopen().count(FactType.ENTITY)).isEqualTo(2);
    }
}
