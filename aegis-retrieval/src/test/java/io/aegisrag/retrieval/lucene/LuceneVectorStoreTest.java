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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneVectorStoreTest extends VectorStoreContract {

    private static final String MODEL = "minilm";

    @TempDir
    Path directory;

    private LuceneVectorStore opened;

    @Override
    protected VectorStore createStore() {
        opened = new LuceneVectorStore(directory, MODEL, DIMENSION);
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

        opened = new LuceneVectorStore(directory, MODEL, DIMENSION);

        assertThat(opened.find(rivers.id())).contains(rivers);
        assertThat(opened.searchByKeywords("Danube", 3)).hasSize(1);
        assertThat(opened.searchByVector(new float[]{1, 0, 0}, 3)).hasSize(1);
    }

    @Test
    void should_refuse_an_index_of_another_embedding_models_vectors() throws Exception {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));
        opened.close();

        assertThatThrownBy(() -> new LuceneVectorStore(directory, "minilm-q", DIMENSION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds vectors of the embedding model 'minilm', not of 'minilm-q'");

        opened = new LuceneVectorStore(directory, MODEL, DIMENSION);
        assertThat(opened.find(rivers.id())).contains(rivers);
    }

    @Test
    void should_let_another_embedding_model_take_over_an_empty_index() throws Exception {
        opened.close();

        opened = new LuceneVectorStore(directory, "minilm-q", DIMENSION);
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        opened.add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));
        opened.close();

        assertThatThrownBy(() -> new LuceneVectorStore(directory, MODEL, DIMENSION)).isInstanceOf(IllegalStateException.class);
        opened = new LuceneVectorStore(directory, "minilm-q", DIMENSION);
    }
}
