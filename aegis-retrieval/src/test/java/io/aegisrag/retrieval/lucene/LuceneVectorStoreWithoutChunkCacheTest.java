package io.aegisrag.retrieval.lucene;

import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.port.VectorStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** The store's contract when every chunk comes from the index's stored fields, none from the heap. */
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
}
