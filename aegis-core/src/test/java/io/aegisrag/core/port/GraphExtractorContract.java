package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link GraphExtractor} adapter must do. {@link #createExtractor} builds one that reads English. */
public abstract class GraphExtractorContract {

    protected abstract GraphExtractor createExtractor() throws Exception;

    protected static List<Chunk> chunks(String... texts) {
        DocumentId id = DocumentId.random();
        return IntStream.range(0, texts.length).mapToObj(i -> new Chunk(Chunk.idOf(id, i), id, "Title", "source.md", "", texts[i], i)).toList();
    }

    @Test
    void should_mention_the_names_of_each_chunk_in_that_chunk() throws Exception {
        List<Chunk> chunks = chunks("Marie Curie worked with Pierre Curie in Paris.", "The weather was mild all week.");

        Extraction extraction = createExtractor().extract(chunks);

        assertThat(extraction.entities()).extracting(Entity::name).contains("Marie Curie", "Pierre Curie", "Paris");
        assertThat(extraction.mentions()).extracting(Mention::chunkId).containsOnly(chunks.get(0).id());
    }

    @Test
    void should_relate_only_entities_mentioned_in_the_chunk_of_the_relation_each_relation_once() throws Exception {
        List<Chunk> chunks = chunks("Marie Curie worked with Pierre Curie in Paris. Pierre Curie taught in Paris.",
                "Lucene runs on Java. Qdrant is written in Rust.");

        Extraction extraction = createExtractor().extract(chunks);

        Set<String> mentioned = new HashSet<>();
        extraction.mentions().forEach(mention -> mentioned.add(mention.chunkId() + " " + mention.entity().id()));
        assertThat(extraction.relations()).isNotEmpty().allSatisfy(relation -> {
            assertThat(mentioned).contains(relation.chunkId() + " " + relation.sourceId(), relation.chunkId() + " " + relation.targetId());
            assertThat(relation.type()).matches("[a-z_]+");
        });
        assertThat(extraction.relations()).doesNotHaveDuplicates();
        assertThat(extraction.relations()).extracting(Relation::chunkId).isSubsetOf(chunks.stream().map(Chunk::id).toList());
    }

    @Test
    void should_find_nothing_where_nothing_is_named() throws Exception {
        GraphExtractor extractor = createExtractor();

        assertThat(extractor.extract(List.of()).mentions()).isEmpty();
        Extraction unnamed = extractor.extract(chunks("it rained all day, and then it rained some more."));
        assertThat(unnamed.mentions()).isEmpty();
        assertThat(unnamed.relations()).isEmpty();
    }

    @Test
    void should_read_the_same_chunks_the_same_way_every_time() throws Exception {
        GraphExtractor extractor = createExtractor();
        List<Chunk> chunks = chunks("Marie Curie worked with Pierre Curie in Paris.");

        assertThat(extractor.extract(chunks)).isEqualTo(extractor.extract(chunks));
    }

    @Test
    void should_say_who_reads() throws Exception {
        assertThat(createExtractor().name()).isIn("nlp", "rules", "llm");
    }
}
