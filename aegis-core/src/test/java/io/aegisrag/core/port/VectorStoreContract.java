package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link VectorStore} adapter must do; adapters extend this with a real backend of 3-d vectors. */
public abstract class VectorStoreContract {

    protected static final int DIMENSION = 3;

    private VectorStore store;

    /** A new, empty store holding {@value #DIMENSION}-dimensional vectors. */
    protected abstract VectorStore createStore() throws Exception;

    @BeforeEach
    void createEmptyStore() throws Exception {
        store = createStore();
    }

    protected VectorStore store() {
        return store;
    }

    protected static Document document(String title, Instant createdAt) {
        return new Document(DocumentId.random(), title, "src/" + title, "full text of " + title,
                Map.of("lang", "en"), createdAt);
    }

    protected static EmbeddedChunk chunk(Document document, int position, String text, float... vector) {
        return new EmbeddedChunk(new Chunk(Chunk.idOf(document.id(), position), document.id(), document.title(),
                document.source(), "Section " + position, text, position, position + 1), vector);
    }

    private Document rivers;
    private Document mountains;

    private void addTwoDocuments() {
        rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        mountains = document("mountains", Instant.parse("2026-02-01T00:00:00Z"));
        store.add(rivers, List.of(
                chunk(rivers, 0, "The Danube flows through ten countries.", 1, 0, 0),
                chunk(rivers, 1, "The Rhine carries barges to Rotterdam.", 0.9f, 0.1f, 0)));
        store.add(mountains, List.of(
                chunk(mountains, 0, "Mont Blanc is the highest peak of the Alps.", 0, 1, 0)));
    }

    @Test
    void should_rank_nearest_chunk_first_when_searching_by_vector() {
        addTwoDocuments();

        List<ChunkHit> hits = store.searchByVector(new float[]{0, 1, 0.05f}, 2);

        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).chunk().text()).contains("Mont Blanc");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void should_return_chunks_with_all_their_fields_when_found() {
        addTwoDocuments();

        Chunk found = store.searchByVector(new float[]{1, 0, 0}, 1).get(0).chunk();

        assertThat(found).isEqualTo(new Chunk(Chunk.idOf(rivers.id(), 0), rivers.id(), "rivers", "src/rivers",
                "Section 0", "The Danube flows through ten countries.", 0, 1));
    }

    @Test
    void should_find_chunk_by_its_words_when_searching_by_keywords() {
        addTwoDocuments();

        List<ChunkHit> hits = store.searchByKeywords("barges Rotterdam", 5);

        assertThat(hits).extracting(hit -> hit.chunk().id()).containsExactly(Chunk.idOf(rivers.id(), 1));
    }

    @Test
    void should_find_nothing_when_no_chunk_has_the_keywords() {
        addTwoDocuments();

        assertThat(store.searchByKeywords("volcano", 5)).isEmpty();
        assertThat(store.searchByKeywords("   ", 5)).isEmpty();
    }

    @Test
    void should_count_chunks_of_every_document() {
        assertThat(store.chunkCount()).isZero();

        addTwoDocuments();

        assertThat(store.chunkCount()).isEqualTo(3);
    }

    @Test
    void should_read_back_document_with_text_and_metadata() {
        addTwoDocuments();

        assertThat(store.find(rivers.id())).contains(rivers);
        assertThat(store.find(DocumentId.random())).isEmpty();
    }

    @Test
    void should_list_documents_newest_first_one_page_at_a_time() {
        addTwoDocuments();

        Page<DocumentSummary> first = store.list(0, 1);
        Page<DocumentSummary> second = store.list(1, 1);

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).extracting(DocumentSummary::title).containsExactly("mountains");
        assertThat(second.items()).extracting(DocumentSummary::title).containsExactly("rivers");
        assertThat(second.items().get(0).chunks()).isEqualTo(2);
    }

    @Test
    void should_remove_document_and_all_its_chunks_when_deleted() {
        addTwoDocuments();

        assertThat(store.delete(rivers.id())).isTrue();

        assertThat(store.find(rivers.id())).isEmpty();
        assertThat(store.chunkCount()).isEqualTo(1);
        assertThat(store.searchByKeywords("Danube Rhine", 5)).isEmpty();
        assertThat(store.searchByVector(new float[]{1, 0, 0}, 5)).extracting(hit -> hit.chunk().documentId())
                .containsOnly(mountains.id());
    }

    @Test
    void should_report_false_when_deleting_an_unknown_document() {
        addTwoDocuments();

        assertThat(store.delete(DocumentId.random())).isFalse();
        assertThat(store.chunkCount()).isEqualTo(3);
    }

    @Test
    void should_leave_store_unchanged_when_a_chunk_has_the_wrong_dimension() {
        addTwoDocuments();
        Document broken = document("broken", Instant.parse("2026-03-01T00:00:00Z"));

        assertThatThrownBy(() -> store.add(broken, List.of(
                chunk(broken, 0, "fine", 1, 1, 1),
                chunk(broken, 1, "too short", 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.find(broken.id())).isEmpty();
        assertThat(store.chunkCount()).isEqualTo(3);
    }

    @Test
    void should_fetch_chunks_by_id_ignoring_unknown_ids() {
        addTwoDocuments();

        List<Chunk> chunks = store.chunks(Set.of(Chunk.idOf(rivers.id(), 1), Chunk.idOf(mountains.id(), 0), "nope#0"));

        assertThat(chunks).extracting(Chunk::id)
                .containsExactlyInAnyOrder(Chunk.idOf(rivers.id(), 1), Chunk.idOf(mountains.id(), 0));
    }

    @Test
    void should_return_the_chunks_of_one_document_in_order() {
        addTwoDocuments();

        assertThat(store.chunksOf(rivers.id())).extracting(Chunk::position).containsExactly(0, 1);
        assertThat(store.chunksOf(DocumentId.random())).isEmpty();
    }

    @Test
    void should_answer_its_probe_when_open() {
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.serviceName()).isNotBlank();
    }
}
