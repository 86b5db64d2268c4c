package io.aegisrag.coordinator.startup;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GraphRebuildTest {

    @TempDir
    Path directory;

    private LuceneVectorStore store;

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private Chunk store(String text) {
        DocumentId id = DocumentId.random();
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0);
        store.add(new Document(id, "t", "s", text, Map.of(), Instant.now()), List.of(new EmbeddedChunk(chunk, new float[]{1, 0})));
        return chunk;
    }

    @Test
    void should_extract_every_stored_document_into_an_empty_graph() {
        store = new LuceneVectorStore(directory, "test-model", 2);
        Chunk redis = store("Lettuce is the Java client of Redis.");
        store("Qdrant is written in Rust.");
        InMemoryGraphStore graph = new InMemoryGraphStore();

        new GraphRebuild(store, graph).rebuildIfEmpty();

        assertThat(graph.entityCount()).isEqualTo(5);
        assertThat(graph.chunksMentioning(Set.of("redis"))).containsExactly(redis.id());
    }

    @Test
    void should_leave_a_graph_that_already_has_entities_alone() {
        store = new LuceneVectorStore(directory, "test-model", 2);
        store("Lettuce is the Java client of Redis.");
        InMemoryGraphStore graph = new InMemoryGraphStore();
        GraphRebuild rebuild = new GraphRebuild(store, graph);
        rebuild.rebuildIfEmpty();
        store("Qdrant is written in Rust.");

        rebuild.rebuildIfEmpty();

        assertThat(graph.entityCount()).isEqualTo(3);
    }
}
