package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.graph.SavedCommunity;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CommunitiesTest {

    @TempDir
    Path directory;

    private LuceneVectorStore store;
    private final InMemoryGraphStore graph = new InMemoryGraphStore();
    private Communities communities;

    @BeforeEach
    void open() {
        store = new LuceneVectorStore(directory, "test-model", 2);
        communities = new Communities(graph, store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private void ingest(String... texts) {
        DocumentId id = DocumentId.random();
        List<Chunk> chunks = java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> new Chunk(Chunk.idOf(id, i), id, "t", "s", "", texts[i], i)).toList();
        store.add(new Document(id, "t", "s", String.join("\n", texts), Map.of(), Instant.now()),
                chunks.stream().map(chunk -> new EmbeddedChunk(chunk, new float[]{1, 0})).toList());
        Extraction extraction = new EntityExtractor().extract(chunks);
        graph.addDocument(id, extraction.mentions(), extraction.relations());
    }

    @Test
    void should_find_the_two_groups_of_related_entities_each_with_a_summary() {
        ingest("# Search\n\nLucene and Solr index text. Solr runs Lucene for Elastic too.",
                "Lucene indexes vectors. Solr shards them, Elastic too.",
                "Kafka streams events to Flink. Flink reads Kafka.");

        List<Communities.Community> found = communities.all();

        assertThat(found).extracting(community -> community.members().stream().map(e -> e.id()).sorted().toList())
                .containsExactly(List.of("elastic", "lucene", "solr"), List.of("flink", "kafka"));
        assertThat(found.get(1).summary()).isEqualTo("Flink, Kafka: Kafka streams events to Flink.");
        assertThat(found.get(0).summary()).as("the sentence naming all three").endsWith(": Solr runs Lucene for Elastic too.");
        assertThat(communities.all()).as("the same graph, the same communities").isEqualTo(found);
    }

    @Test
    void should_compute_again_when_the_graph_changes() {
        ingest("Kafka streams events to Flink.");
        assertThat(communities.all()).hasSize(1);

        ingest("Redis caches Postgres rows.");

        assertThat(communities.all()).hasSize(2);
    }

    @Test
    void should_have_no_community_in_a_graph_without_relations() {
        ingest("Kafka.", "Flink.");

        assertThat(communities.all()).isEmpty();
    }

    @Test
    void should_replace_the_extractive_summaries_of_the_largest_communities_with_written_ones_in_the_background() {
        List<List<String>> asked = new ArrayList<>();
        List<Runnable> background = new ArrayList<>();
        communities = new Communities(graph, store, (members, statements) -> {
            asked.add(statements);
            return Optional.of("About " + members.get(0).name() + " and streaming.");
        }, background::add, 1, Duration.ZERO);
        ingest("Lucene and Solr index text. Solr runs Lucene for Elastic too.", "Kafka streams events to Flink.");

        List<Communities.Community> extractive = communities.all();
        assertThat(extractive).extracting(Communities.Community::summarizedBy).containsOnly(Communities.EXTRACTED);
        background.forEach(Runnable::run);
        List<Communities.Community> written = communities.all();

        assertThat(written).extracting(Communities.Community::summarizedBy).as("at most one summary written")
                .containsExactly(Communities.WRITTEN, Communities.EXTRACTED);
        assertThat(written.get(0).summary()).startsWith("About ");
        assertThat(written.get(0).terms()).contains("streaming");
        assertThat(asked).singleElement().asList().as("the sentences relating two members").isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.toString()).containsAnyOf("Lucene", "Solr", "Elastic"));
    }

    @Test
    void should_not_summarise_a_community_again_while_its_members_are_the_same() {
        AtomicInteger asked = new AtomicInteger();
        communities = new Communities(graph, store, (members, statements) -> Optional.of("Summary " + asked.incrementAndGet()), Runnable::run, 10, Duration.ZERO);
        ingest("Kafka streams events to Flink.");
        assertThat(communities.all()).extracting(Communities.Community::summary).containsExactly("Summary 1");

        ingest("Redis caches Postgres rows.");

        assertThat(communities.all()).extracting(Communities.Community::summary).containsExactlyInAnyOrder("Summary 1", "Summary 2");
        assertThat(asked).hasValue(2);
    }

    @Test
    void should_keep_the_extractive_summary_when_none_is_written_or_the_summarizer_fails() {
        ingest("Kafka streams events to Flink.");
        Communities unanswered = new Communities(graph, store, (members, statements) -> Optional.empty(), Runnable::run, 10, Duration.ZERO);
        Communities failing = new Communities(graph, store, (members, statements) -> {
            throw new IllegalStateException("model down");
        }, Runnable::run, 10, Duration.ZERO);

        assertThat(unanswered.all()).extracting(Communities.Community::summary, Communities.Community::summarizedBy)
                .containsExactly(tuple("Flink, Kafka: Kafka streams events to Flink.", Communities.EXTRACTED));
        assertThat(failing.all()).extracting(Communities.Community::summarizedBy).containsExactly(Communities.EXTRACTED);
    }

    @Test
    void should_keep_the_extractive_summaries_when_the_background_refuses_the_work() {
        communities = new Communities(graph, store, (members, statements) -> Optional.of("never"), work -> {
            throw new RejectedExecutionException("shut down");
        }, 10, Duration.ZERO);
        ingest("Kafka streams events to Flink.");

        assertThat(communities.all()).extracting(Communities.Community::summarizedBy).containsExactly(Communities.EXTRACTED);
    }

    @Test
    void should_save_the_communities_with_their_summaries_and_take_the_written_ones_back_after_a_restart() {
        AtomicInteger asked = new AtomicInteger();
        ingest("Kafka streams events to Flink.", "Redis caches Postgres rows.");
        new Communities(graph, store, (members, statements) -> Optional.of(members.get(0).name() + " " + asked.incrementAndGet()), Runnable::run, 1, Duration.ZERO)
                .all();

        assertThat(graph.savedCommunities()).extracting(SavedCommunity::summarizedBy).containsExactly(Communities.WRITTEN, Communities.EXTRACTED);
        List<Communities.Community> restarted = new Communities(graph, store, (members, statements) -> Optional.of("asked again"), Runnable::run, 0, Duration.ZERO).all();

        assertThat(restarted).extracting(Communities.Community::summary).first().isEqualTo(graph.savedCommunities().get(0).summary());
        assertThat(restarted.get(0).summarizedBy()).isEqualTo(Communities.WRITTEN);
        assertThat(asked).hasValue(1);
    }

    @Test
    void should_answer_with_the_last_communities_while_they_are_computed_again_in_the_background_at_most_once_an_interval() {
        List<Runnable> background = new ArrayList<>();
        communities = new Communities(graph, store, CommunitySummarizer.EXTRACTIVE, background::add, 0, Duration.ofHours(1));
        ingest("Kafka streams events to Flink.");
        assertThat(communities.all()).as("the first time, computed at once").hasSize(1);
        background.clear();

        ingest("Redis caches Postgres rows.");

        assertThat(communities.all()).as("within the interval: the last ones, nothing scheduled").hasSize(1);
        assertThat(background).isEmpty();
        Communities eager = new Communities(graph, store, CommunitySummarizer.EXTRACTIVE, background::add, 0, Duration.ZERO);
        eager.all();
        ingest("Lucene indexes Solr documents.");
        assertThat(eager.all()).as("stale until the background work runs").hasSize(2);
        assertThat(eager.all()).hasSize(2);
        assertThat(background).as("one computation at a time, besides the first one's saving").hasSize(2);
        background.forEach(Runnable::run);
        assertThat(eager.all()).hasSize(3);
    }
}
