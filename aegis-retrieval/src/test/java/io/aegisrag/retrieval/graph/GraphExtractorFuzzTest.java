package io.aegisrag.retrieval.graph;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.testing.TimeBound;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided, both deterministic extractors: any text extracts within the time bound, and
 * relations only join entities it found.
 */
class GraphExtractorFuzzTest {

    private final List<GraphExtractor> extractors = List.of(new EntityExtractor(), new OpenNlpGraphExtractor());

    GraphExtractorFuzzTest() {
        extractors.forEach(extractor -> extract(extractor, "Models load before the first timed input."));
    }

    private static Extraction extract(GraphExtractor extractor, String text) {
        DocumentId id = DocumentId.random();
        return extractor.extract(List.of(new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0)));
    }

    @FuzzTest(maxDuration = "10m")
    void should_extract_from_any_text_within_the_time_bound(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        for (GraphExtractor extractor : extractors) {
            Extraction extraction = TimeBound.within(Duration.ofSeconds(1), () -> extract(extractor, text));

            List<String> found = extraction.entities().stream().map(entity -> entity.id()).toList();
            for (Relation relation : extraction.relations()) {
                assertThat(found).as(extractor.name()).contains(relation.sourceId(), relation.targetId());
            }
        }
    }
}
