package io.aegisrag.retrieval.search;

import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FactSearchTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");

    private static OnnxEmbeddingModel embeddings;
    private final InMemoryTemporalMemory memory = new InMemoryTemporalMemory();
    private final FactSearch search = new FactSearch(memory, embeddings);

    @BeforeAll
    static void loadModel() {
        embeddings = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED);
    }

    private static Fact relation(String id, String subject, String relation, String object, String sentence, Instant validFrom, Instant learned) {
        return Fact.relation(id, subject, new Fact.Edge(relation, object), sentence, validFrom, learned);
    }

    private List<String> found(String query, Optional<String> center, Instant validAt, Instant knownAt) {
        return search.search(new Question(query, embeddings), center, validAt, knownAt, 10).stream().map(f -> f.fact().content()).toList();
    }

    @Test
    void should_answer_as_of_any_valid_and_known_instant() {
        memory.record(relation("1", "alice", "works_at", "acme", "Alice works at Acme", JAN, JAN), true);
        memory.record(relation("2", "alice", "works_at", "globex", "Alice joined Globex", FEB, MAR), true);

        assertThat(found("Where does Alice work?", Optional.empty(), APR, APR)).containsExactly("Alice joined Globex");
        assertThat(found("Where does Alice work?", Optional.empty(), Instant.parse("2026-02-15T00:00:00Z"), Instant.parse("2026-02-15T00:00:00Z")))
                .as("the move was learned in March").containsExactly("Alice works at Acme");
        assertThat(found("Where does Alice work?", Optional.empty(), Instant.parse("2026-01-15T00:00:00Z"), APR)).containsExactly("Alice works at Acme");
    }

    @Test
    void should_rank_the_facts_near_the_centre_first_and_say_which_rankings_found_each() {
        memory.record(relation("1", "alice", "works_at", "globex", "Alice works at Globex", JAN, JAN), true);
        memory.record(relation("2", "globex", "located_in", "zurich", "Globex is located in Zurich", JAN, JAN), true);
        memory.record(relation("3", "bob", "lives_in", "zurich", "Bob lives in Zurich", JAN, JAN), true);

        List<FactSearch.Found> fromAlice = search.search(new Question("Zurich", embeddings), Optional.of("Alice"), FEB, FEB, 10);

        assertThat(fromAlice).extracting(f -> f.fact().id()).contains("2", "3");
        FactSearch.Found globexInZurich = fromAlice.stream().filter(f -> f.fact().id().equals("2")).findFirst().orElseThrow();
        FactSearch.Found bobInZurich = fromAlice.stream().filter(f -> f.fact().id().equals("3")).findFirst().orElseThrow();
        assertThat(globexInZurich.ranks()).containsKeys(FactSearch.WORDS, FactSearch.GRAPH, FactSearch.SIMILARITY);
        assertThat(bobInZurich.ranks()).as("two relations away from Alice: not in the graph ranking").doesNotContainKey(FactSearch.GRAPH);
        assertThat(globexInZurich.score()).isGreaterThan(bobInZurich.score());
        assertThat(found("Where is the office?", Optional.of("Bob"), FEB, FEB)).containsExactly("Bob lives in Zurich");
    }

    @Test
    void should_rank_by_the_embeddings_memory_kept_and_embed_only_the_facts_recorded_without_one() {
        List<List<String>> embedded = new ArrayList<>();
        EmbeddingModel counting = new EmbeddingModel() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                embedded.add(texts);
                return embeddings.embedAll(texts);
            }

            @Override
            public float[] embedQuery(String query) {
                return embeddings.embedQuery(query);
            }

            @Override
            public int dimension() {
                return embeddings.dimension();
            }

            @Override
            public String serviceName() {
                return "counting";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }
        };
        Fact kept = relation("1", "alice", "uses", "kafka", "Alice uses Kafka for the event stream", JAN, JAN);
        memory.recordEpisode("ep-1", List.of(kept), Map.of("1", embeddings.embedAll(List.of(kept.content())).get(0)));
        memory.recordEpisode("ep-2", List.of(relation("2", "alice", "likes", "tea", "Alice likes green tea", JAN, JAN)),
                Map.of("2", new float[]{1f, 2f}));
        memory.record(relation("3", "alice", "lives_in", "lyon", "Alice lives in Lyon", JAN, JAN), true);

        List<FactSearch.Found> found = new FactSearch(memory, counting).search(new Question("Which stream does Alice use?", counting),
                Optional.of("alice"), FEB, FEB, 10);

        assertThat(found).extracting(f -> f.fact().id()).first().isEqualTo("1");
        assertThat(embedded).as("an embedding of another dimension is not compared").singleElement().asList()
                .containsExactlyInAnyOrder("Alice likes green tea", "Alice lives in Lyon");
    }
}
