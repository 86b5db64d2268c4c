package io.aegisrag.retrieval.search;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.EntityNameEmbeddings;
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

    private static final String ABOUT_QDRANT = "Which vector database is there?";

    @TempDir
    Path directory;

    private LuceneVectorStore store;
    private GraphRetriever retriever;
    private EmbeddingModel names;

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
        names = new TableEmbeddingModel(Map.of(
                "Qdrant", new float[]{1, 0, 0}, "Rust", new float[]{0, 1, 0}, ABOUT_QDRANT, new float[]{1, 0.2f, 0}));
        graph.addDocument(id, extraction.mentions(), extraction.relations(), EntityNameEmbeddings.of(names, extraction));
        retriever = new GraphRetriever(graph, store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private List<ChunkHit> retrieve(String question, int limit) {
        return retriever.retrieve(new Question(question, names), limit);
    }

    @Test
    void should_rank_chunks_by_how_many_named_entities_they_mention() {
        List<ChunkHit> hits = retrieve("How is open liberty related to java?", 10);

        assertThat(hits).extracting(hit -> hit.chunk().text()).first().isEqualTo("Open Liberty runs on Java.");
        assertThat(hits).extracting(hit -> hit.chunk().text()).doesNotContain("Qdrant is written in Rust.");
    }

    @Test
    void should_return_at_most_limit_hits_best_first() {
        List<ChunkHit> all = retrieve("Is Java in open liberty and lucene?", 10);
        List<ChunkHit> best = retrieve("Is Java in open liberty and lucene?", 1);

        assertThat(all).hasSizeGreaterThan(1);
        assertThat(all).extracting(ChunkHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(best).containsExactly(all.get(0));
        assertThat(retrieve("Is Java in open liberty and lucene?", 0)).isEmpty();
    }

    @Test
    void should_find_nothing_when_the_query_names_no_known_entity() {
        assertThat(retrieve("what about bananas?", 10)).isEmpty();
    }

    @Test
    void should_find_an_entity_the_question_does_not_name_by_the_embedding_of_its_name() {
        List<ChunkHit> hits = retrieve(ABOUT_QDRANT, 10);

        assertThat(hits).extracting(hit -> hit.chunk().text()).as("Rust is too far from the question, the others have nothing in common")
                .containsExactly("Qdrant is written in Rust.");
    }

    /** Known texts have the vectors given; any other text is the zero vector, similar to nothing. */
    private record TableEmbeddingModel(Map<String, float[]> vectors) implements EmbeddingModel {

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(text -> vectors.getOrDefault(text, new float[3])).toList();
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public String serviceName() {
            return "table";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }
}
