package io.aegisrag.retrieval.lucene;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.port.VectorStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void should_open_another_models_index_for_reindexing_and_stay_stale_until_it_is_marked_done() throws Exception {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));
        assertThat(opened.needsReindex()).isFalse();
        opened.close();

        opened = new LuceneVectorStore(directory, "minilm-q", DIMENSION, 100, true);
        assertThat(opened.needsReindex()).isTrue();
        opened.add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 0, 1, 0)));
        opened.close();
        opened = new LuceneVectorStore(directory, "minilm-q", DIMENSION, 100, true);
        assertThat(opened.needsReindex()).as("a crash before the end of the reindex leaves it to do").isTrue();

        opened.markReindexed();
        opened.close();

        opened = new LuceneVectorStore(directory, "minilm-q", DIMENSION);
        assertThat(opened.needsReindex()).isFalse();
        assertThat(opened.searchByVector(new float[]{0, 1, 0}, 1)).extracting(hit -> hit.chunk().documentId()).containsExactly(rivers.id());
        opened.close();
        assertThatThrownBy(() -> new LuceneVectorStore(directory, MODEL, DIMENSION))
                .hasMessageContaining("aegis.index.reindex=true");
        opened = new LuceneVectorStore(directory, "minilm-q", DIMENSION);
    }

    @Test
    void should_ask_for_a_reindex_of_an_index_written_before_the_current_format() throws Exception {
        opened.close();
        try (IndexWriter older = new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig())) {
            org.apache.lucene.document.Document record = new org.apache.lucene.document.Document();
            record.add(new StringField("kind", "chunk", Field.Store.NO));
            older.addDocument(record);
            older.setLiveCommitData(Map.of("embedding_model", MODEL).entrySet());
            older.commit();
        }

        opened = new LuceneVectorStore(directory, MODEL, DIMENSION);

        assertThat(opened.needsReindex()).isTrue();
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

    private FailingDirectory reopenOnFailingDisk() throws Exception {
        opened.close();
        FailingDirectory disk = new FailingDirectory(FSDirectory.open(directory));
        opened = new LuceneVectorStore(disk, MODEL, DIMENSION, 100, false);
        return disk;
    }

    @Test
    void should_roll_back_a_write_whose_commit_fails_so_that_it_never_shows_up_later() throws Exception {
        FailingDirectory disk = reopenOnFailingDisk();
        Document lost = document("lost", Instant.parse("2026-01-01T00:00:00Z"));
        Document kept = document("kept", Instant.parse("2026-01-02T00:00:00Z"));

        disk.failing = true;
        assertThatThrownBy(() -> opened.add(lost, List.of(chunk(lost, 0, "The Danube flows east.", 1, 0, 0))))
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
        disk.failing = false;
        opened.add(kept, List.of(chunk(kept, 0, "The Rhine flows north.", 0, 1, 0)));

        assertThat(opened.find(lost.id())).isEmpty();
        assertThat(opened.find(kept.id())).isPresent();
        assertThat(opened.chunkCount()).isEqualTo(1);
        assertThat(opened.searchByKeywords("Danube", 3)).isEmpty();
        assertThat(opened.isAvailable()).isTrue();
    }

    @Test
    void should_keep_a_document_whose_deletion_fails() throws Exception {
        FailingDirectory disk = reopenOnFailingDisk();
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        opened.add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));

        disk.failing = true;
        assertThatThrownBy(() -> opened.delete(rivers.id())).isInstanceOf(AegisException.class);
        disk.failing = false;
        Document other = document("other", Instant.parse("2026-01-02T00:00:00Z"));
        opened.add(other, List.of(chunk(other, 0, "The Rhine flows north.", 0, 1, 0)));

        assertThat(opened.find(rivers.id())).isPresent();
        assertThat(opened.chunkCount()).isEqualTo(2);
    }

    @Test
    void should_cap_a_long_question_at_distinct_terms_instead_of_failing() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));
        StringBuilder question = new StringBuilder("danube");
        for (int i = 0; i < 1300; i++) {
            question.append(" word").append(i);
        }

        assertThat(store().searchByKeywords(question.toString(), 3)).hasSize(1);
        assertThat(store().searchByKeywords("danube " + "danube ".repeat(5000), 3)).hasSize(1);
    }

    @Test
    void should_keep_any_metadata_keys_as_data_never_as_field_names() {
        Map<String, String> metadata = Map.of("text", "not the chunk text", "kind", "chunk", "vector", "", "a:1", "12:x",
                "\u0000", "\uD83D\uDE00");
        Document rivers = new Document(io.aegisrag.core.document.DocumentId.random(), "rivers", "s", "The Danube flows east.",
                metadata, Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));

        assertThat(store().find(rivers.id()).orElseThrow().metadata()).isEqualTo(metadata);
        assertThat(store().chunkCount()).isEqualTo(1);
        assertThat(store().searchByKeywords("chunk text", 3)).isEmpty();
    }

    private static EmbeddedChunk inSection(Document document, int position, String section, String text) {
        return new EmbeddedChunk(new Chunk(Chunk.idOf(document.id(), position), document.id(), document.title(), "s", section, text,
                position), new float[]{1, 0, 0});
    }

    @Test
    void should_match_an_identifier_whole_and_by_its_parts() {
        Document crypto = document("crypto", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(crypto, List.of(
                inSection(crypto, 0, "", "Use crypto.timingSafeEqual(a, b) to compare secrets."),
                inSection(crypto, 1, "", "Buffers compare byte by byte with buf.compare."),
                inSection(crypto, 2, "", "Set fetch_retries or package-lock.json as you need.")));

        assertThat(store().searchByKeywords("timingSafeEqual", 3)).extracting(hit -> hit.chunk().position()).containsExactly(0);
        assertThat(store().searchByKeywords("a timing safe check", 3)).extracting(hit -> hit.chunk().position()).containsExactly(0);
        assertThat(store().searchByKeywords("retries", 3)).extracting(hit -> hit.chunk().position()).containsExactly(2);
        assertThat(store().searchByKeywords("lock", 3)).extracting(hit -> hit.chunk().position()).containsExactly(2);
    }

    @Test
    void should_rank_a_chunk_higher_when_its_heading_or_title_names_the_term_too() {
        Document config = document("config", Instant.parse("2026-01-01T00:00:00Z"));
        Document engines = document("engines", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(config, List.of(
                inSection(config, 0, "Configuration > os", "It is advisory only."),
                inSection(config, 1, "Configuration > engines", "It is advisory only."),
                inSection(config, 2, "Configuration > cpu", "Nothing to see here.")));
        store().add(engines, List.of(inSection(engines, 0, "", "It is advisory only.")));

        List<String> ranked = store().searchByKeywords("engines advisory", 4).stream()
                .map(hit -> hit.chunk().title() + "#" + hit.chunk().position()).toList();

        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("config#1", "engines#0");
        assertThat(ranked.subList(2, 3)).containsExactly("config#0");
    }

    @Test
    void should_find_a_long_chunk_by_the_sentence_window_that_matches_the_question_and_forget_its_windows_with_it() {
        Document guide = document("guide", Instant.parse("2026-01-01T00:00:00Z"));
        Chunk longOne = new Chunk(Chunk.idOf(guide.id(), 0), guide.id(), "guide", "s", "", "Many sentences. One of them answers.", 0);
        Chunk shortOne = new Chunk(Chunk.idOf(guide.id(), 1), guide.id(), "guide", "s", "", "A short chunk.", 1);
        store().add(guide, List.of(
                new EmbeddedChunk(longOne, new float[]{1, 0, 0}, List.of(new float[]{0, 1, 0}, new float[]{0, 0, 1})),
                new EmbeddedChunk(shortOne, new float[]{0.6f, 0.8f, 0})));

        List<ChunkHit> hits = store().searchByVector(new float[]{0, 0, 1}, 2);

        assertThat(hits).extracting(hit -> hit.chunk().id()).containsExactly(longOne.id(), shortOne.id());
        assertThat(hits.get(0).score()).isCloseTo(0.7 * 1 + 0.3 * 0.5, within(1e-6));
        assertThat(store().chunks(List.of(longOne.id()))).containsExactly(longOne);
        assertThat(store().chunkCount()).isEqualTo(2);

        store().delete(guide.id());

        assertThat(store().searchByVector(new float[]{0, 0, 1}, 2)).isEmpty();
    }

    @Test
    void should_hold_the_chunks_of_open_segments_in_heap_and_let_them_go_with_their_segment() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        EmbeddedChunk danube = chunk(rivers, 0, "The Danube flows east.", 1, 0, 0);
        store().add(rivers, List.of(danube));

        assertThat(opened.chunkCacheBytes()).isPositive();
        assertThat(opened.searchByVector(new float[]{1, 0, 0}, 1)).extracting(ChunkHit::chunk).containsExactly(danube.chunk());

        store().delete(rivers.id());

        assertThat(opened.chunkCacheBytes()).isZero();
    }

    @Test
    void should_read_from_the_index_the_chunks_of_segments_past_the_heap_budget() throws Exception {
        reopenWithChunkCache(1);
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        EmbeddedChunk danube = chunk(rivers, 0, "The Danube flows east.", 1, 0, 0);
        opened.add(rivers, List.of(danube));

        assertThat(opened.chunkCacheBytes()).isZero();
        assertThat(opened.searchByKeywords("Danube", 1)).extracting(ChunkHit::chunk).containsExactly(danube.chunk());
    }

    @Test
    void should_score_by_cosine_whatever_the_length_of_the_vectors() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 3, 4, 0)));

        List<ChunkHit> hits = store().searchByVector(new float[]{10, 0, 0}, 1);

        assertThat(hits.get(0).score()).isCloseTo((1 + 0.6) / 2, within(1e-6));
    }

    @Test
    void should_merge_the_index_into_one_segment_once_writes_pause_and_still_find_everything() throws Exception {
        opened.close();
        opened = new LuceneVectorStore(directory, MODEL, DIMENSION, new LuceneVectorStore.Settings(
                LuceneVectorStore.DEFAULT_SEARCH_CANDIDATES, false, LuceneVectorStore.DEFAULT_CHUNK_CACHE_BYTES, Duration.ofMillis(300), 1));
        List<String> rivers = List.of("Danube", "Rhine", "Elbe");
        for (String river : rivers) {
            Document document = document(river, Instant.parse("2026-01-01T00:00:00Z"));
            opened.add(document, List.of(chunk(document, 0, "The " + river + " flows.", 1, 0, 0)));
        }
        assertThat(opened.segmentCount()).isEqualTo(3);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (opened.segmentCount() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(opened.segmentCount()).isEqualTo(1);
        assertThat(opened.searchByVector(new float[]{1, 0, 0}, 5)).hasSize(3);
        assertThat(opened.searchByKeywords("Rhine", 5)).extracting(hit -> hit.chunk().text()).containsExactly("The Rhine flows.");
        assertThat(opened.chunkCacheBytes()).isPositive();
        opened.close();
        opened = new LuceneVectorStore(directory, MODEL, DIMENSION);
        assertThat(opened.segmentCount()).isEqualTo(1);
    }

    @Test
    void should_merge_at_once_when_asked_and_leave_a_merged_index_alone() throws Exception {
        for (String river : List.of("Danube", "Rhine")) {
            Document document = document(river, Instant.parse("2026-01-01T00:00:00Z"));
            store().add(document, List.of(chunk(document, 0, "The " + river + " flows.", 1, 0, 0)));
        }

        opened.merge();
        opened.merge();

        assertThat(opened.segmentCount()).isEqualTo(1);
        assertThat(opened.searchByKeywords("Danube", 5)).hasSize(1);
    }

    @Test
    void should_keep_adding_to_an_index_whose_vectors_are_compared_by_cosine_as_older_versions_wrote_them() throws Exception {
        opened.close();
        DocumentId danube = DocumentId.random();
        try (IndexWriter older = new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig())) {
            org.apache.lucene.document.Document record = new org.apache.lucene.document.Document();
            record.add(new StringField("kind", "chunk", Field.Store.NO));
            record.add(new StringField("document_id", danube.value(), Field.Store.YES));
            record.add(new StringField("chunk_id", Chunk.idOf(danube, 0), Field.Store.YES));
            for (String stored : List.of("title", "source", "section")) {
                record.add(new StoredField(stored, "Danube"));
            }
            record.add(new TextField("text", "The Danube flows east.", Field.Store.YES));
            record.add(new StoredField("position", 0));
            record.add(new StoredField("page", 0));
            record.add(new KnnFloatVectorField("vector", new float[]{2, 0, 0}, VectorSimilarityFunction.COSINE));
            older.addDocument(record);
            older.setLiveCommitData(Map.of("embedding_model", MODEL, "index_format", LuceneVectorStore.CURRENT_FORMAT).entrySet());
            older.commit();
        }
        opened = new LuceneVectorStore(directory, MODEL, DIMENSION);
        Document rhine = document("rhine", Instant.parse("2026-01-01T00:00:00Z"));

        opened.add(rhine, List.of(chunk(rhine, 0, "The Rhine flows north.", 0.6f, 0.8f, 0)));

        List<ChunkHit> hits = opened.searchByVector(new float[]{1, 0, 0}, 2);
        assertThat(hits).extracting(hit -> hit.chunk().id()).containsExactly(Chunk.idOf(danube, 0), Chunk.idOf(rhine.id(), 0));
        assertThat(hits.get(1).score()).isCloseTo((1 + 0.6) / 2, within(1e-6));
    }

    @Test
    void should_hold_a_segment_in_part_when_the_heap_budget_ends_inside_it() throws Exception {
        reopenWithChunkCache(1000);
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        EmbeddedChunk shortOne = chunk(rivers, 0, "The Danube flows east.", 1, 0, 0);
        EmbeddedChunk longOne = chunk(rivers, 1, "The Rhine flows north. ".repeat(400), 0, 1, 0);

        opened.add(rivers, List.of(shortOne, longOne));

        assertThat(opened.chunkCacheBytes()).isBetween(1L, 1000L);
        assertThat(opened.searchByVector(new float[]{1, 1, 0}, 2)).extracting(ChunkHit::chunk)
                .containsExactlyInAnyOrder(shortOne.chunk(), longOne.chunk());
    }

    private void reopenWithChunkCache(long bytes) throws Exception {
        opened.close();
        opened = new LuceneVectorStore(directory, MODEL, DIMENSION,
                new LuceneVectorStore.Settings(LuceneVectorStore.DEFAULT_SEARCH_CANDIDATES, false, bytes, Duration.ZERO, 1));
    }
}
