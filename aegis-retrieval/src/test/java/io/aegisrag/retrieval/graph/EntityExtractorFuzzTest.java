package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Extraction;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.testing.TimeBound;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage-guided: any text extracts within the time bound, and relations only join entities it found. */
class EntityExtractorFuzzTest {

    private final EntityExtractor extractor = new EntityExtractor();

    @FuzzTest(maxDuration = "10m")
    void should_extract_from_any_text_within_the_time_bound(FuzzedDataProvider data) {
        DocumentId id = DocumentId.random();
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", data.consumeRemainingAsString(), 0);

        Extraction extraction = TimeBound.within(Duration.ofSeconds(1), () -> extractor.extract(List.of(chunk)));

        List<String> found = extraction.entities().stream().map(entity -> entity.id()).toList();
        for (Relation relation : extraction.relations()) {
            assertThat(found).contains(relation.sourceId(), relation.targetId());
        }
    }
}
