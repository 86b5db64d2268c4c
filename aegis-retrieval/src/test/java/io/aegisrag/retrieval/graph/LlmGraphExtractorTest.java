package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmGraphExtractorTest {

    private final DocumentId document = DocumentId.random();
    private final Chunk read = new Chunk(Chunk.idOf(document, 0), document, "t", "s", "", "Marie Curie worked with Pierre Curie.", 0);
    private final Chunk unread = new Chunk(Chunk.idOf(document, 1), document, "t", "s", "", "Lettuce is the Java client of Redis.", 1);

    /** Reads the first chunk as a model would, with a statement about an entity it did not list; "rules" for any other. */
    private static EpisodeReader.Reading reading(String text) {
        Entity marie = Entity.named("Marie Curie", "person");
        Entity pierre = Entity.named("Pierre Curie", "person");
        return text.startsWith("Marie")
                ? new EpisodeReader.Reading(List.of(marie, pierre), List.of(new Statement(marie, "worked_with", pierre, text),
                new Statement(marie, "born_in", Entity.named("Warsaw", "place"), text)), "llm")
                : new EpisodeReader.Reading(List.of(), List.of(), "rules");
    }

    @Test
    void should_take_the_models_typed_entities_and_relations_and_extract_what_no_model_read_otherwise() {
        Extraction extraction = new LlmGraphExtractor(LlmGraphExtractorTest::reading, new EntityExtractor()).extract(List.of(read, unread));

        assertThat(extraction.mentions()).filteredOn(m -> m.chunkId().equals(read.id()))
                .extracting(m -> m.entity().name() + ":" + m.entity().type()).containsExactly("Marie Curie:person", "Pierre Curie:person");
        assertThat(extraction.relations()).filteredOn(r -> r.chunkId().equals(read.id()))
                .extracting(r -> r.sourceId() + " " + r.type() + " " + r.targetId()).containsExactly("marie-curie worked_with pierre-curie");
        assertThat(extraction.mentions()).filteredOn(m -> m.chunkId().equals(unread.id()))
                .extracting(m -> m.entity().id()).containsExactly("lettuce", "java", "redis");
    }
}
