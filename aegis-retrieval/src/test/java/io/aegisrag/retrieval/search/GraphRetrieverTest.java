package io.aegisrag.retrieval.search;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphRetrieverTest {

    @TempDir
    Path directory;

    private LuceneVectorStore store;
    private GraphRetriever retriever;

    @BeforeEach
    void indexDocument() {
        store = new LuceneVectorStore(directory, "test-model", 2);
        InMemoryGraphStore graph = new InMemoryGraphStore();
        DocumentId id = DocumentId.random();
        List<String> texts = List.of(
                "Open Liberty runs on Java.",
                "Qdrant is written in Rust.",
                "Lucene stores Java objects nowhere.");
        List<Chunk> chunks = texts.stream()
                .map(text -> new Chunk(Chunk.idOf(id, texts.indexOf(text)), id, "t", "s", "", text, texts.indexOf(text)))
                .toList();
        store.add(new Document(id, "t", "s", String.join(" ", texts), Map.of(), Instant.now()),
                chunks.stream().map(c -> new EmbeddedChunk(c, new float[]{1, 0})).toList());
        Extraction extraction = new EntityExtractor().extract(chunks);
        graph.addDocument(id, extraction.mentions(), extraction.relations());
        retriever = new GraphRetriever(graph, store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void should_rank_chunks_by_how_many_named_entities_they_mention() {
        List<ChunkHit> hits = retriever.retrieve("How is open liberty related to java?", 10);

        assertThat(hits).extracting(hit -> hit.chunk().text()).first().isEqualTo("Open Liberty runs on Java.");
        assertThat(hits).extracting(hit -> hit.chunk().text()).doesNotContain("Qdrant is written in Rust.");
    }

    @Test
    void should_return_at_most_limit_hits_best_first() {
        List<ChunkHit> all = retriever.retrieve("Is Java in open liberty and lucene?", 10);
        List<ChunkHit> best = retriever.retrieve("Is Java in open liberty and lucene?", 1);

        assertThat(all).hasSizeGreaterThan(1);
        assertThat(all).extracting(ChunkHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(best).containsExactly(all.get(0));
        assertThat(retriever.retrieve("Is Java in open liberty and lucene?", 0)).isEmpty();
    }

    @Test
    void should_find_nothing_when_the_query_names_no_known_entity() {
        assertThat(retriever.retrieve("what about bananas?", 10)).isEmpty();
    }
}
