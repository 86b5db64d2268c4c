package io.aegisrag.retrieval.lucene;

import io.aegisrag.core.document.Document;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.port.VectorStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneVectorStoreTest extends VectorStoreContract {

    @TempDir
    Path directory;

    private LuceneVectorStore opened;

    @Override
    protected VectorStore createStore() {
        opened = new LuceneVectorStore(directory, DIMENSION);
        return opened;
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void should_keep_documents_when_reopened_on_the_same_directory() throws Exception {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));
        opened.close();

        opened = new LuceneVectorStore(directory, DIMENSION);

        assertThat(opened.find(rivers.id())).contains(rivers);
        assertThat(opened.searchByKeywords("Danube", 3)).hasSize(1);
        assertThat(opened.searchByVector(new float[]{1, 0, 0}, 3)).hasSize(1);
    }
}
