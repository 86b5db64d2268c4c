package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
