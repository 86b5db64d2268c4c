package io.aegisrag.core.port;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.RetentionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static io.aegisrag.core.memory.MemoryScope.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** What every {@link TemporalMemory} adapter must do: bi-temporal validity, supersession, deduplication and groups. */
public abstract class TemporalMemoryContract {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");

    private TemporalMemory memory;

    protected abstract TemporalMemory createMemory() throws Exception;

    @BeforeEach
    void createEmptyMemory() throws Exception {
        memory = createMemory();
    }

    private static Fact fact(String id, FactType type, String subject, String content, Instant validFrom) {
        return new Fact(id, type, subject, content, validFrom, null, validFrom);
    }

    private static Fact worksAt(String id, String employer, Instant validFrom, Instant recordedAt) {
        return Fact.relation(id, "alice", new Fact.Edge("works_at", employer.toLowerCase(Locale.ROOT)),
                "works at " + employer, validFrom, recordedAt);
    }

    @Test
    void should_close_the_old_fact_when_a_new_one_supersedes_it() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, FEB), true);

        assertThat(memory.factsAt(ALL, Instant.parse("2026-01-15T00:00:00Z"), Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.factsAt(ALL, MAR, Optional.of("alice"), Optional.empty()))
                .extracting(Fact::content).containsExactly("works at Globex");
    }

    private static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");

    private static Instant mid(Instant month) {
        return month.plus(Duration.ofDays(14));
    }

    @Test
    void should_answer_what_was_true_then_as_the_system_knew_it_when_a_change_is_learned_late() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, MAR), true);

        assertThat(memory.factsAt(ALL, mid(FEB), mid(FEB), Optional.of("alice"), Optional.empty(), false))
                .as("in mid-February the move was not known yet").extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.factsAt(ALL, mid(FEB), mid(MAR), Optional.of("alice"), Optional.empty(), false))
                .as("known in March: she had moved in February").extracting(Fact::content).containsExactly("works at Globex");
        assertThat(memory.factsAt(ALL, mid(JAN), mid(MAR), Optional.of("alice"), Optional.empty(), false))
                .extracting(Fact::content, Fact::validTo).containsExactly(tuple("works at Acme", FEB));
        assertThat(memory.factsAt(ALL, mid(MAR), mid(MAR), Optional.of("alice"), Optional.empty(), true))
                .as("with the facts no longer true").extracting(Fact::content).containsExactly("works at Acme", "works at Globex");
    }

    @Test
    void should_keep_every_version_instead_of_overwriting_one() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, MAR), true);

        assertThat(memory.history(ALL, "ALICE")).extracting(Fact::content, Fact::validTo, Fact::recordedAt, Fact::expiredAt)
                .containsExactly(
                        tuple("works at Acme", null, JAN, MAR),
                        tuple("works at Acme", FEB, MAR, null),
                        tuple("works at Globex", null, MAR, null));
        assertThat(memory.count(FactType.SEMANTIC)).isEqualTo(2);
    }

    @Test
    void should_place_a_fact_that_arrives_out_of_order_before_the_one_already_known() {
        memory.record(worksAt("2", "Globex", FEB, FEB), true);
        memory.record(worksAt("1", "Acme", JAN, MAR), true);

        assertThat(memory.factsAt(ALL, mid(JAN), APR, Optional.of("alice"), Optional.empty(), false))
                .extracting(Fact::content, Fact::validTo).containsExactly(tuple("works at Acme", FEB));
        assertThat(memory.factsAt(ALL, mid(MAR), APR, Optional.of("alice"), Optional.empty(), false))
                .as("both stay valid only where they do not overlap").extracting(Fact::content).containsExactly("works at Globex");
        assertThat(memory.factsAt(ALL, mid(JAN), mid(FEB), Optional.of("alice"), Optional.empty(), false))
                .as("before March nothing was known of January").isEmpty();
    }

    /** Runs {@code task} for 0..count-1 on four threads, all released at once, and waits for every one. */
    private static void atOnce(int count, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    start.await();
                    task.accept(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> one : running) {
                one.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_lose_no_fact_when_episodes_about_the_same_entity_arrive_at_once() throws Exception {
        int episodes = 16;
        atOnce(episodes, i -> memory.recordEpisode("conversation-" + i,
                List.of(fact("conversation-" + i + "/lucene", FactType.ENTITY, "lucene", "mentioned in conversation-" + i, JAN))));

        assertThat(memory.factsAt(ALL, MAR, Optional.of("lucene"), Optional.of(FactType.ENTITY))).hasSize(episodes);
        assertThat(memory.history(ALL, "lucene")).hasSize(episodes);
        assertThat(memory.episodes(ALL)).hasSize(episodes);
    }

    @Test
    void should_lose_no_contradicting_fact_that_arrives_at_once_and_order_them_by_their_validity() throws Exception {
        int facts = 8;
        atOnce(facts, day -> memory.recordEpisode("conversation-" + day, List.of(Fact.relation("f" + day, "alice",
                new Fact.Edge("works_at", "employer-" + day), "works at employer " + day, JAN.plus(Duration.ofDays(day)), MAR))));

        for (int day = 0; day < facts; day++) {
            assertThat(memory.factsAt(ALL, JAN.plus(Duration.ofDays(day)).plus(Duration.ofHours(12)), APR,
                    Optional.of("alice"), Optional.of(FactType.SEMANTIC), false))
                    .as("day %d", day).extracting(Fact::content).containsExactly("works at employer " + day);
        }
        assertThat(memory.factsAt(ALL, APR, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC), false)).extracting(Fact::content)
                .containsExactly("works at employer " + (facts - 1));
        assertThat(memory.count(FactType.SEMANTIC)).isEqualTo(facts);
    }

    @Test
    void should_remove_the_conversation_facts_retention_no_longer_keeps_and_never_a_documents_episode() {
        String document = "0b6a4c9e-3f1d-4e2a-9b8c-7d6e5f4a3b2c";
        memory.recordEpisode(document, List.of(fact(document + "/episode", FactType.EPISODIC, document, "ingested", JAN),
                fact(document + "/lucene", FactType.ENTITY, "lucene", "mentioned", JAN)));
        memory.recordEpisode("conversation-old", List.of(fact("conversation-old/episode", FactType.EPISODIC, "s1", "talked in January", JAN),
                fact("conversation-old/kafka", FactType.ENTITY, "kafka", "mentioned in s1", JAN)));
        memory.record(fact("t1", FactType.EPISODIC, "s1", "asked in February", FEB), false);
        memory.record(fact("t2", FactType.EPISODIC, "s1", "asked again in February", FEB.plusSeconds(60)), false);
        memory.record(fact("t3", FactType.EPISODIC, "s1", "asked in March", MAR), false);
        memory.record(fact("t4", FactType.EPISODIC, "s2", "asked in March", MAR), false);
        memory.record(worksAt("alice", "Acme", JAN, JAN), false);

        int removed = memory.retain(new RetentionPolicy(Duration.ofDays(45), 2), MAR.plus(Duration.ofDays(1)));

        assertThat(removed).as("the January episode (2 facts) by age, t1 beyond s1's newest two").isEqualTo(3);
        assertThat(memory.episodes(ALL)).containsExactly(document);
        assertThat(memory.factsAt(ALL, APR, Optional.empty(), Optional.of(FactType.EPISODIC))).extracting(Fact::id)
                .containsExactlyInAnyOrder(document + "/episode", "t2", "t3", "t4");
        assertThat(memory.factsAt(ALL, APR, Optional.of("alice"), Optional.empty())).hasSize(1);
        assertThat(memory.count(FactType.EPISODIC)).isEqualTo(4);
        assertThat(memory.count(FactType.ENTITY)).isEqualTo(1);
        assertThat(memory.retain(new RetentionPolicy(Duration.ofDays(45), 2), MAR.plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    void should_let_an_episodes_relation_supersede_only_the_same_relation_of_the_same_subject() {
        memory.recordEpisode("conversation-1", List.of(worksAt("1", "Acme", JAN, JAN),
                Fact.relation("2", "alice", new Fact.Edge("lives_in", "paris"), "lives in Paris", JAN, JAN)));
        memory.recordEpisode("conversation-2", List.of(Fact.relation("3", "ALICE", new Fact.Edge("works_at", "globex"),
                "works at Globex", FEB, FEB), Fact.relation("4", "bob", new Fact.Edge("works_at", "initech"), "works at Initech", FEB, FEB)));

        assertThat(memory.factsAt(ALL, MAR, Optional.of("alice"), Optional.of(FactType.SEMANTIC))).extracting(Fact::content)
                .containsExactly("lives in Paris", "works at Globex");
        assertThat(memory.factsAt(ALL, mid(JAN), Optional.of("alice"), Optional.of(FactType.SEMANTIC))).extracting(Fact::content)
                .containsExactly("works at Acme", "lives in Paris");
        assertThat(memory.factsAt(ALL, MAR, Optional.of("bob"), Optional.empty())).extracting(Fact::content).containsExactly("works at Initech");
    }

    @Test
    void should_search_the_relations_valid_then_by_their_words() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, FEB), true);
        memory.record(Fact.relation("3", "bob", new Fact.Edge("lives_in", "paris"), "Bob lives in Paris", JAN, JAN), true);
        memory.record(fact("4", FactType.EPISODIC, "s1", "Alice said she works at Globex", FEB), false);

        assertThat(memory.search(ALL, "Where does Alice work? At Globex or Acme?", MAR, 10)).extracting(Fact::content)
                .containsExactly("works at Globex");
        assertThat(memory.search(ALL, "Acme", mid(JAN), 10)).extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.search(ALL, "who lives in Paris", MAR, 10)).extracting(Fact::subject).containsExactly("bob");
        assertThat(memory.search(ALL, "the of and", MAR, 10)).isEmpty();
        assertThat(memory.search(ALL, "Paris Globex", MAR, 1)).hasSize(1);
    }

    @Test
    void should_list_the_relations_leaving_the_given_entities_that_hold_then() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, FEB), true);
        memory.record(Fact.relation("3", "Globex", new Fact.Edge("lives_in", "berlin"), "Globex is based in Berlin", JAN, JAN), true);
        memory.record(Fact.relation("4", "bob", new Fact.Edge("lives_in", "paris"), "Bob lives in Paris", JAN, JAN), true);
        memory.record(fact("5", FactType.ENTITY, "alice", "mentioned", JAN), false);

        assertThat(memory.relationsFrom(ALL, Set.of("alice", "globex"), MAR)).extracting(Fact::content)
                .containsExactlyInAnyOrder("works at Globex", "Globex is based in Berlin");
        assertThat(memory.relationsFrom(ALL, Set.of("alice"), mid(JAN))).extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.relationsFrom(ALL, Set.of("carol"), MAR)).isEmpty();
    }

    @Test
    void should_keep_both_facts_valid_when_the_new_one_does_not_supersede() {
        memory.record(fact("1", FactType.EPISODIC, "s1", "asked about Lucene", JAN), false);
        memory.record(fact("2", FactType.EPISODIC, "s1", "asked about Qdrant", FEB), false);

        assertThat(memory.factsAt(ALL, MAR, Optional.of("s1"), Optional.empty())).hasSize(2);
    }

    @Test
    void should_not_show_a_fact_before_it_was_valid_or_recorded() {
        memory.record(fact("1", FactType.ENTITY, "lucene", "mentioned", FEB), false);

        assertThat(memory.factsAt(ALL, JAN, Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void should_filter_by_type_and_subject() {
        memory.record(fact("1", FactType.ENTITY, "lucene", "mentioned", JAN), false);
        memory.record(fact("2", FactType.EPISODIC, "lucene", "ingested", JAN), false);
        memory.record(fact("3", FactType.ENTITY, "qdrant", "mentioned", JAN), false);

        assertThat(memory.factsAt(ALL, MAR, Optional.empty(), Optional.of(FactType.ENTITY))).extracting(Fact::id)
                .containsExactlyInAnyOrder("1", "3");
        assertThat(memory.factsAt(ALL, MAR, Optional.of("LUCENE"), Optional.of(FactType.ENTITY))).extracting(Fact::id)
                .containsExactly("1");
    }

    @Test
    void should_count_facts_per_type_including_closed_ones() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, FEB), true);
        memory.record(fact("3", FactType.ENTITY, "alice", "mentioned", FEB), false);

        assertThat(memory.count(FactType.SEMANTIC)).isEqualTo(2);
        assertThat(memory.count(FactType.ENTITY)).isEqualTo(1);
        assertThat(memory.count(FactType.EPISODIC)).isZero();
    }

    @Test
    void should_record_an_episode_whole_and_forget_it_whole() {
        memory.recordEpisode("doc-1", List.of(fact("1", FactType.EPISODIC, "doc-1", "ingested", JAN),
                fact("2", FactType.ENTITY, "lucene", "mentioned", JAN)));
        memory.recordEpisode("doc-2", List.of(fact("3", FactType.ENTITY, "qdrant", "mentioned", JAN)));
        memory.record(fact("4", FactType.EPISODIC, "session", "asked", JAN), false);

        assertThat(memory.episodes(ALL)).containsExactlyInAnyOrder("doc-1", "doc-2");
        assertThat(memory.forgetEpisode("doc-1")).isTrue();

        assertThat(memory.episodes(ALL)).containsExactly("doc-2");
        assertThat(memory.factsAt(ALL, MAR, Optional.empty(), Optional.empty())).extracting(Fact::id).containsExactlyInAnyOrder("3", "4");
        assertThat(memory.count(FactType.ENTITY)).isEqualTo(1);
        assertThat(memory.count(FactType.EPISODIC)).isEqualTo(1);
        assertThat(memory.forgetEpisode("doc-1")).isFalse();
        assertThat(memory.forgetEpisode("unknown")).isFalse();
    }

    private static Fact episodeOf(String episode, String session, Instant at) {
        return fact(episode + "/episode", FactType.EPISODIC, session, "Alice works at Globex.", at);
    }

    @Test
    void should_keep_one_fact_for_a_statement_two_episodes_make_and_forget_it_with_the_last_of_them() {
        memory.recordEpisode("ep-1", List.of(episodeOf("ep-1", "s1", FEB), worksAt("ep-1/r", "Globex", FEB, FEB)));
        memory.recordEpisode("ep-2", List.of(episodeOf("ep-2", "s2", FEB), worksAt("ep-2/r", "GLOBEX", FEB, MAR)));

        List<Fact> current = memory.factsAt(ALL, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC));
        assertThat(current).singleElement().extracting(Fact::id).isEqualTo("ep-1/r");
        assertThat(memory.episodesOf(current)).containsExactly(entry("ep-1/r", List.of("ep-1", "ep-2")));
        assertThat(memory.count(FactType.SEMANTIC)).isEqualTo(1);

        assertThat(memory.forgetEpisode("ep-1")).isTrue();
        List<Fact> left = memory.factsAt(ALL, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC));
        assertThat(left).as("the other episode still says it").singleElement().extracting(Fact::content).isEqualTo("works at Globex");
        assertThat(memory.episodesOf(left).values()).containsExactly(List.of("ep-2"));
        assertThat(memory.count(FactType.SEMANTIC)).isEqualTo(1);

        assertThat(memory.forgetEpisode("ep-2")).isTrue();
        assertThat(memory.factsAt(ALL, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC))).isEmpty();
        assertThat(memory.count(FactType.SEMANTIC)).isZero();
    }

    @Test
    void should_make_a_restated_fact_valid_from_the_earliest_instant_an_episode_gives() {
        memory.recordEpisode("ep-1", List.of(worksAt("ep-1/r", "Globex", FEB, FEB)));
        memory.recordEpisode("ep-2", List.of(worksAt("ep-2/r", "Globex", JAN, MAR)));

        assertThat(memory.factsAt(ALL, mid(JAN), APR, Optional.of("alice"), Optional.empty(), false))
                .as("known since March: true since January").singleElement().extracting(Fact::validFrom).isEqualTo(JAN);
        assertThat(memory.factsAt(ALL, mid(JAN), mid(FEB), Optional.of("alice"), Optional.empty(), false))
                .as("in February only February was known").isEmpty();
        List<Fact> current = memory.factsAt(ALL, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC));
        assertThat(memory.episodesOf(current).values()).containsExactly(List.of("ep-1", "ep-2"));
        assertThat(memory.count(FactType.SEMANTIC)).isEqualTo(1);
    }

    @Test
    void should_keep_a_statement_apart_when_its_validity_does_not_overlap_or_its_object_differs() {
        memory.recordEpisode("ep-1", List.of(new Fact("ep-1/r", FactType.SEMANTIC, "alice", "works at Globex", JAN, FEB, JAN, null,
                new Fact.Edge("works_at", "globex"), MemoryScope.DEFAULT_GROUP)));
        memory.recordEpisode("ep-2", List.of(worksAt("ep-2/r", "Globex", MAR, MAR)));
        memory.recordEpisode("ep-3", List.of(Fact.relation("ep-3/r", "alice", new Fact.Edge("lives_in", "globex"), "lives in Globex", MAR, MAR)));

        assertThat(memory.factsAt(ALL, APR, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC), true))
                .extracting(Fact::id).containsExactlyInAnyOrder("ep-1/r", "ep-2/r", "ep-3/r");
        assertThat(memory.episodesOf(List.of(fact("none", FactType.EPISODIC, "s", "alone", JAN)))).containsExactly(entry("none", List.of()));
    }

    @Test
    void should_search_and_walk_the_facts_true_then_as_they_were_known_at_another_instant() {
        memory.record(worksAt("1", "Acme", JAN, JAN), true);
        memory.record(worksAt("2", "Globex", FEB, MAR), true);

        assertThat(memory.search(ALL, "Does Alice work at Acme or Globex?", mid(FEB), mid(FEB), 10)).as("in February the move was not known")
                .extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.search(ALL, "Does Alice work at Acme or Globex?", mid(FEB), APR, 10)).as("known in April: she had moved in February")
                .extracting(Fact::content).containsExactly("works at Globex");
        assertThat(memory.relationsFrom(ALL, Set.of("alice"), mid(FEB), mid(FEB))).extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.relationsFrom(ALL, Set.of("alice"), mid(JAN), APR)).extracting(Fact::content).containsExactly("works at Acme");
        assertThat(memory.relationsFrom(ALL, Set.of("alice"), mid(FEB), APR)).extracting(Fact::content).containsExactly("works at Globex");
    }

    private static final MemoryScope ANNS = MemoryScope.of("key:ann", Set.of());
    private static final MemoryScope BENS = MemoryScope.of("key:ben", Set.of());

    private void recordInGroup(String episode, String session, String group, Fact... facts) {
        List<Fact> grouped = new ArrayList<>(List.of(episodeOf(episode, session, FEB).inGroup(group)));
        List.of(facts).forEach(fact -> grouped.add(fact.inGroup(group)));
        memory.recordEpisode(episode, grouped);
    }

    @Test
    void should_keep_each_groups_facts_to_itself_and_never_let_one_group_supersede_or_restate_another() {
        recordInGroup("ep-ann", "s1", "key:ann", worksAt("ep-ann/r", "Globex", FEB, FEB));
        recordInGroup("ep-ben", "s1", "key:ben", worksAt("ep-ben/r", "Globex", FEB, FEB));
        recordInGroup("ep-ben-2", "s1", "key:ben", worksAt("ep-ben-2/r", "Initech", MAR, MAR));

        assertThat(memory.factsAt(ANNS, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC)))
                .as("Ben's move contradicts nothing Ann said, and Ann's statement is not Ben's").extracting(Fact::id).containsExactly("ep-ann/r");
        assertThat(memory.factsAt(BENS, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC))).extracting(Fact::id).containsExactly("ep-ben-2/r");
        assertThat(memory.factsAt(ALL, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC)))
                .extracting(Fact::id, Fact::group).containsExactlyInAnyOrder(tuple("ep-ann/r", "key:ann"), tuple("ep-ben-2/r", "key:ben"));
        assertThat(memory.episodesOf(List.of(memory.factsAt(ANNS, APR, Optional.of("alice"), Optional.of(FactType.SEMANTIC)).get(0))).values())
                .containsExactly(List.of("ep-ann"));

        assertThat(memory.search(ANNS, "Who works at Globex?", APR, 10)).extracting(Fact::id).containsExactly("ep-ann/r");
        assertThat(memory.relationsFrom(BENS, Set.of("alice"), APR)).extracting(Fact::id).containsExactly("ep-ben-2/r");
        assertThat(memory.history(ANNS, "alice")).extracting(Fact::group).containsOnly("key:ann");
        assertThat(memory.history(BENS, "alice")).extracting(Fact::id).contains("ep-ben/r", "ep-ben-2/r").doesNotContain("ep-ann/r");
        assertThat(memory.factsAt(ANNS, APR, APR, Optional.of("s1"), Optional.of(FactType.EPISODIC), true))
                .as("the same session id in two groups is two conversations").extracting(Fact::id).containsExactly("ep-ann/episode");
        assertThat(memory.episodes(ANNS)).containsExactly("ep-ann");
        assertThat(memory.episodes(BENS)).containsExactlyInAnyOrder("ep-ben", "ep-ben-2");
        assertThat(memory.episodes(ALL)).containsExactlyInAnyOrder("ep-ann", "ep-ben", "ep-ben-2");
    }

    @Test
    void should_let_a_caller_read_the_shared_groups_and_the_documents_but_change_only_its_own() {
        recordInGroup("ep-team", "s1", "team", worksAt("ep-team/r", "Acme", FEB, FEB));
        recordInGroup("doc-1", "doc-1", MemoryScope.DOCUMENTS, fact("doc-1/lucene", FactType.ENTITY, "lucene", "Lucene", FEB));
        recordInGroup("ep-ben", "s2", "key:ben", worksAt("ep-ben/r", "Globex", FEB, FEB));
        MemoryScope ann = MemoryScope.of("key:ann", Set.of("team"));

        assertThat(memory.factsAt(ann, APR, Optional.empty(), Optional.empty())).extracting(Fact::group).containsOnly("team", MemoryScope.DOCUMENTS);
        assertThat(memory.episodes(ann)).containsExactlyInAnyOrder("ep-team", "doc-1");
        assertThat(memory.episodes(ann.own())).isEmpty();
        assertThat(memory.search(ann, "Acme Globex", APR, 10)).extracting(Fact::id).containsExactly("ep-team/r");
    }

    @Test
    void should_keep_a_facts_embedding_for_each_of_its_versions_until_it_is_forgotten() {
        float[] acme = {0.25f, -0.5f, 1.0f};
        float[] globex = {0.75f, 0.125f, -1.0f};
        memory.recordEpisode("ep-1", List.of(episodeOf("ep-1", "s1", JAN), worksAt("ep-1/r", "Acme", JAN, JAN)), Map.of("ep-1/r", acme));
        memory.recordEpisode("ep-2", List.of(worksAt("ep-2/r", "Globex", FEB, FEB)), Map.of("ep-2/r", globex));
        memory.recordEpisode("ep-3", List.of(worksAt("ep-3/r", "GLOBEX", FEB, MAR)), Map.of("ep-3/r", new float[]{9f, 9f, 9f}));
        memory.recordEpisode("ep-4", List.of(Fact.relation("ep-4/r", "alice", new Fact.Edge("lives_in", "lyon"), "lives in Lyon", FEB, FEB)));

        List<Fact> versions = memory.history(ALL, "alice");
        Map<String, float[]> embeddings = memory.embeddingsOf(versions);

        assertThat(versions).extracting(Fact::id).contains("ep-1/r", "ep-1/r~ep-2/r", "ep-2/r", "ep-4/r");
        assertThat(embeddings.get("ep-1/r")).containsExactly(acme);
        assertThat(embeddings.get("ep-1/r~ep-2/r")).as("a later version of the fact").containsExactly(acme);
        assertThat(embeddings.get("ep-2/r")).as("the restatement keeps the first embedding").containsExactly(globex);
        assertThat(embeddings).doesNotContainKey("ep-4/r");

        memory.forgetEpisode("ep-1");
        assertThat(memory.embeddingsOf(versions)).containsOnlyKeys("ep-2/r");
    }

    @Test
    void should_find_a_callers_fact_among_many_of_another_group_that_share_its_words() {
        List<Fact> bens = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            bens.add(Fact.relation("ep-ben/r" + i, "person" + i, new Fact.Edge("works_at", "globex"), "works at Globex", JAN, JAN).inGroup("key:ben"));
        }
        memory.recordEpisode("ep-ben", bens);
        memory.recordEpisode("ep-ann", List.of(worksAt("ep-ann/r", "Globex", FEB, FEB).inGroup("key:ann")));

        assertThat(memory.search(ANNS, "Who works at Globex?", APR, 1)).extracting(Fact::id).containsExactly("ep-ann/r");
    }
}
