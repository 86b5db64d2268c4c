package io.aegisrag.retrieval.lucene;

import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.port.VectorStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's contract (inherited) when every chunk comes from the index's stored fields, none from the heap. */
class LuceneVectorStoreWithoutChunkCacheTest extends VectorStoreContract {

    @TempDir
    Path directory;

    private LuceneVectorStore opened;

    @Override
    protected VectorStore createStore() {
        opened = new LuceneVectorStore(directory, "minilm", DIMENSION,
                new LuceneVectorStore.Settings(LuceneVectorStore.DEFAULT_SEARCH_CANDIDATES, false, 0, Duration.ZERO, 1));
        return opened;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void should_hold_no_chunk_in_heap_and_read_every_hit_from_the_index() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        EmbeddedChunk danube = chunk(rivers, 0, "The Danube flows east.", 1, 0, 0);

        store().add(rivers, List.of(danube));

        assertThat(opened.chunkCacheBytes()).isZero();
        assertThat(opened.searchByVector(new float[]{1, 0, 0}, 1)).extracting(ChunkHit::chunk).containsExactly(danube.chunk());
        assertThat(opened.searchByKeywords("Danube", 1)).extracting(ChunkHit::chunk).containsExactly(danube.chunk());
    }
}
