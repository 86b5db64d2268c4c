package io.aegisrag.memory;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.RetentionPolicy;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.TemporalMemoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.aegisrag.core.memory.MemoryScope.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        memory.record(Fact.relation("1", "alice", new Fact.Edge("works_at", "acme"), "works at Acme", JAN, JAN), true);
        memory.record(Fact.relation("2", "alice", new Fact.Edge("works_at", "globex"), "works at \"Globex\"\nLtd", FEB, FEB), true);

        JournaledTemporalMemory reopened = reopen();

        assertThat(reopened.count(FactType.SEMANTIC)).isEqualTo(2);
        assertThat(reopened.factsAt(ALL, Instant.parse("2026-01-15T00:00:00Z"), Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at Acme");
        assertThat(reopened.factsAt(ALL, FEB, Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at \"Globex\"\nLtd");
        assertThat(reopened.history(ALL, "alice")).as("the versions are derived again, the same").extracting(Fact::id, Fact::expiredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", FEB), org.assertj.core.groups.Tuple.tuple("1~2", null),
                        org.assertj.core.groups.Tuple.tuple("2", null));
    }

    @Test
    void should_remember_groups_and_fact_embeddings_after_a_restart_and_a_compaction() throws Exception {
        createMemory();
        float[] embedding = {0.5f, -0.25f, 0.125f};
        memory.recordEpisode("ep-1", List.of(Fact.relation("ep-1/r", "alice", new Fact.Edge("works_at", "acme"), "works at Acme", JAN, JAN)
                .inGroup("key:ann")), Map.of("ep-1/r", embedding));
        MemoryScope ann = MemoryScope.of("key:ann", Set.of()).own();

        for (JournaledTemporalMemory reopened : List.of(reopen(), compactedAndReopened())) {
            List<Fact> facts = reopened.factsAt(ann, FEB, Optional.of("alice"), Optional.empty());
            assertThat(facts).extracting(Fact::id, Fact::group).containsExactly(org.assertj.core.groups.Tuple.tuple("ep-1/r", "key:ann"));
            assertThat(reopened.embeddingsOf(facts).get("ep-1/r")).containsExactly(embedding);
            assertThat(reopened.episodes(ann)).containsExactly("ep-1");
            assertThat(reopened.factsAt(MemoryScope.of("key:ben", Set.of()), FEB, Optional.of("alice"), Optional.empty())).isEmpty();
        }
    }

    @Test
    void should_read_a_documents_episode_written_before_groups_existed_into_the_documents_group() throws Exception {
        String document = DocumentId.random().value();
        String before = "{\"episode\":\"" + document + "\",\"facts\":[{\"id\":\"" + document + "/lucene\",\"type\":\"ENTITY\","
                + "\"subject\":\"lucene\",\"content\":\"Lucene\",\"valid_from\":\"2026-01-01T00:00:00Z\",\"recorded_at\":\"2026-01-01T00:00:00Z\"}]}\n"
                + "{\"episode\":\"conversation-1\",\"facts\":[{\"id\":\"conversation-1/kafka\",\"type\":\"ENTITY\",\"subject\":\"kafka\","
                + "\"content\":\"Kafka\",\"valid_from\":\"2026-01-01T00:00:00Z\",\"recorded_at\":\"2026-01-01T00:00:00Z\"}]}\n";
        memory.close();
        Files.writeString(directory.resolve("memory/facts.jsonl"), before, StandardCharsets.UTF_8);

        for (JournaledTemporalMemory reopened : List.of(reopen(), compactedAndReopened())) {
            assertThat(reopened.factsAt(ALL, FEB, Optional.empty(), Optional.empty())).extracting(Fact::subject, Fact::group)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("lucene", MemoryScope.DOCUMENTS),
                            org.assertj.core.groups.Tuple.tuple("kafka", MemoryScope.DEFAULT_GROUP));
        }
    }

    @Test
    void should_read_a_documents_episode_compacted_before_groups_existed_into_the_documents_group() throws Exception {
        String document = DocumentId.random().value();
        String compacted = "{\"put\":{\"id\":\"" + document + "/lucene\",\"type\":\"ENTITY\",\"subject\":\"lucene\",\"content\":\"Lucene\","
                + "\"valid_from\":\"2026-01-01T00:00:00Z\",\"recorded_at\":\"2026-01-01T00:00:00Z\"}}\n"
                + "{\"adopt\":\"" + document + "\",\"ids\":[\"" + document + "/lucene\"]}\n";
        memory.close();
        Files.writeString(directory.resolve("memory/facts.jsonl"), compacted, StandardCharsets.UTF_8);

        JournaledTemporalMemory reopened = reopen();

        assertThat(reopened.factsAt(ALL, FEB, Optional.empty(), Optional.empty())).extracting(Fact::group).containsExactly(MemoryScope.DOCUMENTS);
        assertThat(reopened.episodes(MemoryScope.of("key:ann", Set.of()))).containsExactly(document);
    }

    private JournaledTemporalMemory compactedAndReopened() throws Exception {
        memory.compact();
        return reopen();
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

    @Test
    void should_record_nothing_when_the_journal_cannot_be_written_not_even_after_a_restart() throws Exception {
        memory = new JournaledTemporalMemory(directory.resolve("memory/facts.jsonl"));
        memory.recordEpisode("doc-1", List.of(new Fact("1", FactType.ENTITY, "lucene", "mentioned", JAN, null, JAN)));
        memory.close();
        FailingFileChannel[] disk = new FailingFileChannel[1];
        memory = new JournaledTemporalMemory(directory.resolve("memory/facts.jsonl"), path -> {
            disk[0] = new FailingFileChannel(FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
            return disk[0];
        });

        disk[0].failing = true;
        assertThatThrownBy(() -> memory.recordEpisode("doc-2", List.of(
                new Fact("2", FactType.ENTITY, "qdrant", "mentioned", FEB, null, FEB),
                new Fact("3", FactType.EPISODIC, "doc-2", "ingested", FEB, null, FEB))))
                .hasMessageContaining("memory journal could not be written");
        assertThatThrownBy(() -> memory.record(Fact.relation("4", "alice", new Fact.Edge("works_at", "acme"), "works at Acme", FEB, FEB), true))
                .hasMessageContaining("memory journal could not be written");
        assertThatThrownBy(() -> memory.forgetEpisode("doc-1")).hasMessageContaining("memory journal could not be written");
        disk[0].failing = false;

        assertThat(memory.episodes(ALL)).containsExactly("doc-1");
        assertThat(memory.count(FactType.ENTITY)).isEqualTo(1);
        memory.record(Fact.relation("5", "bob", new Fact.Edge("works_at", "globex"), "works at Globex", FEB, FEB), false);
        JournaledTemporalMemory reopened = reopen();
        assertThat(reopened.episodes(ALL)).containsExactly("doc-1");
        assertThat(reopened.count(FactType.ENTITY)).isEqualTo(1);
        assertThat(reopened.count(FactType.EPISODIC)).isZero();
        assertThat(reopened.count(FactType.SEMANTIC)).isEqualTo(1);
    }

    @Test
    void should_forget_an_episode_for_good() throws Exception {
        createMemory();
        memory.recordEpisode("doc-1", List.of(new Fact("1", FactType.ENTITY, "lucene", "mentioned", JAN, null, JAN)));
        memory.recordEpisode("doc-2", List.of(new Fact("2", FactType.ENTITY, "qdrant", "mentioned", JAN, null, JAN)));

        assertThat(memory.forgetEpisode("doc-1")).isTrue();
        assertThat(memory.forgetEpisode("doc-1")).isFalse();

        JournaledTemporalMemory reopened = reopen();
        assertThat(reopened.episodes(ALL)).containsExactly("doc-2");
        assertThat(reopened.factsAt(ALL, FEB, Optional.empty(), Optional.empty())).extracting(Fact::subject).containsExactly("qdrant");
    }

    @Test
    void should_compact_the_journal_into_its_state_after_retention_and_read_the_same_state_back() throws Exception {
        createMemory();
        memory.record(Fact.relation("1", "alice", new Fact.Edge("works_at", "acme"), "works at Acme", JAN, JAN), true);
        memory.record(Fact.relation("2", "alice", new Fact.Edge("works_at", "globex"), "works at Globex", FEB, FEB), true);
        memory.recordEpisode("0b6a4c9e-3f1d-4e2a-9b8c-7d6e5f4a3b2c", List.of(
                new Fact("doc/episode", FactType.EPISODIC, "doc", "ingested", JAN, null, JAN)));
        for (int turn = 0; turn < 50; turn++) {
            memory.record(new Fact("t" + turn, FactType.EPISODIC, "s1", "asked " + turn, FEB, null, FEB.plusSeconds(turn)), false);
        }
        List<Fact> history = memory.history(ALL, "alice");

        int removed = memory.retain(new RetentionPolicy(Duration.ofDays(365), 5), FEB.plus(Duration.ofDays(1)));

        assertThat(removed).isEqualTo(45);
        assertThat(memory.lines()).as("one line a fact version and an episode").isEqualTo(3 + 1 + 5 + 1);
        assertThat(Files.readAllLines(directory.resolve("memory/facts.jsonl"))).hasSize(10);
        JournaledTemporalMemory reopened = reopen();
        assertThat(reopened.history(ALL, "alice")).isEqualTo(history);
        assertThat(reopened.count(FactType.EPISODIC)).isEqualTo(6);
        assertThat(reopened.count(FactType.SEMANTIC)).isEqualTo(2);
        assertThat(reopened.forgetEpisode("0b6a4c9e-3f1d-4e2a-9b8c-7d6e5f4a3b2c")).isTrue();
        reopened.record(Fact.relation("3", "alice", new Fact.Edge("works_at", "initech"), "works at Initech", FEB.plus(Duration.ofDays(30)), FEB.plus(Duration.ofDays(30))), true);
        assertThat(reopen().factsAt(ALL, FEB.plus(Duration.ofDays(40)), Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at Initech");
    }

    @Test
    void should_replay_a_retention_run_to_the_same_state_when_the_journal_was_not_compacted() throws Exception {
        createMemory();
        for (int turn = 0; turn < 3; turn++) {
            memory.record(new Fact("t" + turn, FactType.EPISODIC, "s1", "asked " + turn, FEB, null, FEB.plusSeconds(turn)), false);
        }
        Path journal = directory.resolve("memory/facts.jsonl");
        memory.close();
        Files.writeString(journal, "{\"retain\":{\"max_age\":\"P365D\",\"max_per_subject\":1,\"now\":\"2026-02-02T00:00:00Z\"}}\n",
                StandardOpenOption.APPEND);

        memory = new JournaledTemporalMemory(journal);

        assertThat(memory.factsAt(ALL, FEB.plus(Duration.ofDays(2)), Optional.of("s1"), Optional.empty())).extracting(Fact::id).containsExactly("t2");
    }
}
