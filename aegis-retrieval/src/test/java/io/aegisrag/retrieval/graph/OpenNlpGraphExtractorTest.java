package io.aegisrag.retrieval.graph;

import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphExtractorContract;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Relation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The default extractor, OpenNLP's English models, also against the port's contract. */
class OpenNlpGraphExtractorTest extends GraphExtractorContract {

    private final OpenNlpGraphExtractor extractor = new OpenNlpGraphExtractor();

    @Override
    protected GraphExtractor createExtractor() {
        return extractor;
    }

    private static Extraction extract(OpenNlpGraphExtractor extractor, String... texts) {
        DocumentId id = DocumentId.random();
        List<Chunk> chunks = IntStream.range(0, texts.length)
                .mapToObj(i -> new Chunk(Chunk.idOf(id, i), id, "t", "s", "", texts[i], i)).toList();
        return extractor.extract(chunks);
    }

    private Extraction extract(String... texts) {
        return extract(extractor, texts);
    }

    private static List<String> named(Extraction extraction) {
        return extraction.relations().stream().filter(r -> !r.type().equals("related_to"))
                .map(r -> r.sourceId() + " " + r.type() + " " + r.targetId()).toList();
    }

    @Test
    void should_type_people_and_places_and_name_the_relation_a_sentence_states() {
        Extraction extraction = extract("Marie Curie worked with Pierre Curie in Paris.");

        assertThat(extraction.entities()).extracting(Entity::name, Entity::type).contains(
                org.assertj.core.groups.Tuple.tuple("Marie Curie", "person"), org.assertj.core.groups.Tuple.tuple("Pierre Curie", "person"));
        assertThat(extraction.entities()).extracting(Entity::name).containsExactlyInAnyOrder("Marie Curie", "Pierre Curie", "Paris");
        assertThat(named(extraction)).containsExactly("marie-curie worked_with pierre-curie");
    }

    @Test
    void should_keep_a_name_of_three_words_in_any_script_whole_and_type_where_one_was_born() {
        Extraction extraction = extract("Marie Skłodowska Curie was born in Warsaw.");

        assertThat(extraction.entities()).extracting(Entity::name, Entity::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Marie Skłodowska Curie", "person"), org.assertj.core.groups.Tuple.tuple("Warsaw", "place"));
        assertThat(named(extraction)).containsExactly("marie-skłodowska-curie born_in warsaw");
        assertThat(extraction.relations()).extracting(Relation::sentence).containsExactly("Marie Skłodowska Curie was born in Warsaw.");
    }

    @Test
    void should_leave_sentence_adverbs_and_titles_out_of_names_and_not_end_a_sentence_at_a_title() {
        Extraction extraction = extract("However, Ada Lovelace wrote the first program for the Analytical Engine. "
                + "Dr. Grace Hopper joined the Navy in 1943.");

        assertThat(extraction.entities()).extracting(Entity::name)
                .containsExactlyInAnyOrder("Ada Lovelace", "Analytical Engine", "Grace Hopper", "Navy");
        assertThat(extraction.entities()).filteredOn(e -> e.name().equals("Grace Hopper")).extracting(Entity::type).containsExactly("person");
        assertThat(extraction.entities()).filteredOn(e -> e.name().equals("Navy")).extracting(Entity::type).containsExactly("organization");
        assertThat(named(extraction)).containsExactlyInAnyOrder("ada-lovelace wrote analytical-engine", "grace-hopper works_at navy");
    }

    @Test
    void should_relate_every_subject_joined_by_and_and_read_a_passive_with_its_preposition() {
        assertThat(named(extract("Dennis Ritchie and Ken Thompson built Unix at Bell Labs.")))
                .containsExactlyInAnyOrder("dennis-ritchie built unix", "ken-thompson built unix");
        assertThat(named(extract("The Apollo program was run by NASA."))).containsExactly("apollo run_by nasa");
        assertThat(named(extract("Elasticsearch is built on Apache Lucene."))).containsExactly("elasticsearch built_on apache-lucene");
    }

    @Test
    void should_name_a_copula_and_noun_by_the_noun_and_not_relate_a_name_that_only_qualifies_a_noun() {
        assertThat(named(extract("GTK+ is free software and part of the GNU Project."))).containsExactly("gtk+ part_of gnu-project");
        assertThat(named(extract("Rickshaw is a JavaScript toolkit for graphs."))).isEmpty();
        assertThat(named(extract("Quillon is the client of Vorastore."))).containsExactly("quillon client_of vorastore");
    }

    @Test
    void should_merge_a_surname_with_the_one_person_of_the_document_who_bears_it() {
        Extraction extraction = extract("Marie Curie was born in Warsaw.", "Curie won the Nobel Prize twice.");

        assertThat(extraction.entities()).extracting(Entity::id).doesNotContain("curie").contains("marie-curie");
        assertThat(extraction.mentions()).filteredOn(m -> m.entity().id().equals("marie-curie")).hasSize(2);
    }

    @Test
    void should_treat_quotes_backslashes_and_query_syntax_as_text_and_bound_a_sentence_without_an_end() {
        Extraction odd = extract("\"Bobby\\\" Tables\" }) MATCH (n) DETACH DELETE n // title:(x) AND ~2 uses Neo4j.");
        assertThat(odd.entities()).extracting(Entity::name).contains("Neo4j");

        String endless = "Qdrant and Neo4j ".repeat(2_000);
        assertThat(extract(endless).relations()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void should_extract_the_same_from_many_threads_at_once() throws Exception {
        String text = "Guido van Rossum created Python at CWI in Amsterdam.";
        Extraction alone = extract(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Relation>>> running = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> extract(text).relations())).toList();
            for (Future<List<Relation>> result : running) {
                assertThat(result.get()).extracting(Relation::sourceId, Relation::type, Relation::targetId)
                        .containsExactlyElementsOf(alone.relations().stream()
                                .map(r -> org.assertj.core.groups.Tuple.tuple(r.sourceId(), r.type(), r.targetId())).toList());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(named(alone)).contains("guido-van-rossum created python");
    }
}
