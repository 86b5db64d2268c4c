package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.retrieval.graph.Communities;
import io.aegisrag.core.testing.HashEmbeddingModel;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalGraphRetrieverTest {

    @TempDir
    Path directory;

    private LuceneVectorStore store;
    private InMemoryGraphStore graph;
    private GlobalGraphRetriever retriever;
    private List<Chunk> chunks;

    @BeforeEach
    void indexTwoTopics() {
        store = new LuceneVectorStore(directory, "test-model", 2);
        graph = new InMemoryGraphStore();
        DocumentId id = DocumentId.random();
        List<String> texts = List.of(
                "Lettuce is a Redis client for Java. Spring Data Redis uses Lettuce for caching.",
                "Redis keeps the cache of Spring Data Redis in memory.",
                "Qdrant is written in Rust. Qdrant builds an HNSW index for vector search.",
                "Weaviate and Qdrant compete in vector search with HNSW.");
        chunks = IntStream.range(0, texts.size()).mapToObj(i -> new Chunk(Chunk.idOf(id, i), id, "t", "s", "", texts.get(i), i)).toList();
        store.add(new Document(id, "t", "s", String.join(" ", texts), Map.of(), Instant.now()),
                chunks.stream().map(c -> new EmbeddedChunk(c, new float[]{1, 0})).toList());
        Extraction extraction = new OpenNlpGraphExtractor().extract(chunks);
        graph.addDocument(id, extraction.mentions(), extraction.relations());
        retriever = new GlobalGraphRetriever(new Communities(graph, store), store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private List<ChunkHit> retrieve(String question, int limit) {
        return retriever.retrieve(new Question(question, new HashEmbeddingModel()), limit);
    }

    @Test
    void should_answer_a_broad_question_from_the_community_it_is_about() {
        List<ChunkHit> hits = retrieve("Give me an overview of the vector search engines and their index", 10);

        assertThat(hits).isNotEmpty();
        assertThat(hits.subList(0, 2)).extracting(hit -> hit.chunk().position()).containsExactlyInAnyOrder(2, 3);
        assertThat(hits).extracting(hit -> hit.chunk().position()).doesNotContain(0, 1);
    }

    @Test
    void should_find_nothing_when_no_community_shares_a_word_with_the_question() {
        assertThat(retrieve("What is the weather like?", 10)).isEmpty();
        assertThat(retrieve("the and of", 10)).isEmpty();
    }

    @Test
    void should_look_up_the_communities_of_the_graph_as_it_is_now() {
        String question = "How do Kafka brokers use ZooKeeper?";
        assertThat(retrieve(question, 10)).isEmpty();
        DocumentId id = DocumentId.random();
        List<Chunk> added = List.of(new Chunk(Chunk.idOf(id, 0), id, "t", "s", "",
                "Kafka stores its cluster metadata in ZooKeeper. Kafka Streams runs on Kafka.", 0));
        store.add(new Document(id, "t", "s", added.get(0).text(), Map.of(), Instant.now()),
                added.stream().map(c -> new EmbeddedChunk(c, new float[]{0, 1})).toList());
        Extraction extraction = new OpenNlpGraphExtractor().extract(added);
        graph.addDocument(id, extraction.mentions(), extraction.relations());

        assertThat(retrieve(question, 10)).extracting(hit -> hit.chunk().id()).containsExactly(added.get(0).id());
    }
}
