package io.aegisrag.coordinator.startup;

import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.ingest.IngestionResult;
import io.aegisrag.coordinator.ingest.IngestionService;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexRebuildTest {

    @TempDir
    Path directory;

    private LuceneVectorStore store;

    /** Counts the reindexes it is asked for; nothing else is expected of it at start-up. */
    private static final class CountingIngestion implements IngestionService {
        int reindexes;

        @Override
        public int reindex() {
            return ++reindexes;
        }

        @Override
        public IngestionResult ingest(DocumentRequest body, DocumentId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean contains(DocumentId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<DocumentSummary> list(int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Document get(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Chunk> chunks(String documentId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String documentId) {
            throw new UnsupportedOperationException();
        }
    }

    private final CountingIngestion ingestion = new CountingIngestion();

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private void storeOneDocumentWith(String model) throws Exception {
        try (LuceneVectorStore older = new LuceneVectorStore(directory, model, 2)) {
            DocumentId id = DocumentId.random();
            older.add(new Document(id, "t", "s", "text", Map.of(), Instant.now()),
                    List.of(new EmbeddedChunk(new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", "text", 0), new float[]{1, 0})));
        }
    }

    @Test
    void should_leave_a_current_index_alone() {
        store = new LuceneVectorStore(directory, "minilm-q", 2, 100, true);

        new IndexRebuild(store, ingestion, true).rebuildIfStale();

        assertThat(ingestion.reindexes).isZero();
    }

    @Test
    void should_index_again_an_index_of_another_model_when_allowed() throws Exception {
        storeOneDocumentWith("minilm");
        store = new LuceneVectorStore(directory, "minilm-q", 2, 100, true);

        new IndexRebuild(store, ingestion, true).rebuildIfStale();

        assertThat(ingestion.reindexes).isEqualTo(1);
    }

    @Test
    void should_only_warn_about_a_stale_index_when_reindexing_is_not_allowed() throws Exception {
        storeOneDocumentWith("minilm");
        store = new LuceneVectorStore(directory, "minilm-q", 2, 100, true);

        new IndexRebuild(store, ingestion, false).rebuildIfStale();

        assertThat(ingestion.reindexes).isZero();
        assertThat(store.needsReindex()).isTrue();
    }
}
