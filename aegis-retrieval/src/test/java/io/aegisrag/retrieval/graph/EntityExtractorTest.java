package io.aegisrag.retrieval.graph;

import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphExtractorContract;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.testing.TimeBound;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule-based extractor ({@code aegis.extraction.provider=rules}), also against the port's contract. */
class EntityExtractorTest extends GraphExtractorContract {

    private final EntityExtractor extractor = new EntityExtractor();

    @Override
    protected GraphExtractor createExtractor() {
        return extractor;
    }

    @Test
    void should_find_capitalised_names_acronyms_and_camel_case() {
        assertThat(extractor.names("We index chunks with Apache Lucene and serve them from Open Liberty over REST using MicroProfile."))
                .extracting(Entity::name)
                .containsExactly("Apache Lucene", "Open Liberty", "REST", "MicroProfile");
    }

    @Test
    void should_not_take_function_words_that_open_a_sentence_for_names() {
        assertThat(extractor.names("The index is small. It fits in memory.")).isEmpty();
        assertThat(extractor.names("The Danube is long.")).extracting(Entity::name).containsExactly("Danube");
    }

    @Test
    void should_read_names_in_any_script_without_the_words_and_titles_around_them() {
        assertThat(extractor.names("Marie Skłodowska Curie worked with Pierre Curie in Paris.")).extracting(Entity::name)
                .containsExactly("Marie Skłodowska Curie", "Pierre Curie", "Paris");
        assertThat(extractor.names("However Marie Curie stayed. Meanwhile Zürich grew.")).extracting(Entity::name)
                .containsExactly("Marie Curie", "Zürich");
        assertThat(extractor.names("Dr. Curie moved to Paris.")).extracting(Entity::name).containsExactly("Curie", "Paris");
        assertThat(extractor.names("Guido van Rossum met Ludwig van Beethoven's heirs in Den Haag, de facto.")).extracting(Entity::name)
                .containsExactly("Guido van Rossum", "Ludwig van Beethoven", "Den Haag");
    }

    @Test
    void should_name_a_relation_by_the_verb_between_two_names_and_keep_the_others_as_co_occurrence() {
        Chunk chunk = new Chunk("d#0", DocumentId.random(), "t", "s", "", "Marie Curie worked with Pierre Curie in Paris.", 0);

        assertThat(extractor.extract(List.of(chunk)).relations()).extracting(Relation::sourceId, Relation::type, Relation::targetId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("marie-curie", "worked_with", "pierre-curie"),
                        org.assertj.core.groups.Tuple.tuple("marie-curie", "related_to", "paris"),
                        org.assertj.core.groups.Tuple.tuple("pierre-curie", "related_to", "paris"));
    }

    @Test
    void should_keep_a_sentence_whole_across_a_title() {
        Chunk chunk = new Chunk("d#0", DocumentId.random(), "t", "s", "", "Dr. Curie moved to Paris. Langevin stayed.", 0);

        assertThat(extractor.extract(List.of(chunk)).relations()).extracting(Relation::sourceId, Relation::targetId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("curie", "paris"));
    }

    @Test
    void should_relate_entities_named_in_the_same_sentence_only_and_keep_the_sentence() {
        DocumentId id = DocumentId.random();
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", "Lucene runs on Java. Qdrant is written in Rust.", 0);

        Extraction extraction = extractor.extract(List.of(chunk));

        assertThat(extraction.entities()).extracting(Entity::id).containsExactly("lucene", "java", "qdrant", "rust");
        assertThat(extraction.relations()).containsExactly(
                new Relation("lucene", "java", "uses", chunk.id(), "Lucene runs on Java"),
                new Relation("qdrant", "rust", "written_in", chunk.id(), "Qdrant is written in Rust"));
    }

    @Test
    void should_mention_an_entity_once_per_chunk() {
        DocumentId id = DocumentId.random();
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", "Lucene is fast. Lucene is mature.", 0);

        assertThat(extractor.extract(List.of(chunk)).mentions()).hasSize(1);
    }

    @Test
    void should_extract_from_two_mebibytes_of_pathological_text_in_linear_time() {
        int mebibytes = 2 * 1024 * 1024;
        List<String> texts = List.of("A" + "a".repeat(mebibytes), "Aa_".repeat(mebibytes / 3), "Ab Cd Ef Gh ".repeat(mebibytes / 12),
                "A" + "1".repeat(mebibytes) + "_", "Ab-".repeat(mebibytes / 3));
        for (String text : texts) {
            DocumentId id = DocumentId.random();
            Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0);

            Extraction extraction = TimeBound.within(Duration.ofSeconds(3), () -> extractor.extract(List.of(chunk)));

            assertThat(extraction.relations().size()).isLessThanOrEqualTo(10 * Math.max(1, extraction.mentions().size()));
        }
    }
}
