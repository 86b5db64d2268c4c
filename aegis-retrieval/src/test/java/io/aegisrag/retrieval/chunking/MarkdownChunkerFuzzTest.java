package io.aegisrag.retrieval.chunking;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.testing.TimeBound;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage-guided: whatever the text and the sizes, chunks stay within the size, and chunking stays fast. */
class MarkdownChunkerFuzzTest {

    private static final DocumentId ID = DocumentId.random();

    @FuzzTest(maxDuration = "10m")
    void should_chunk_any_text_within_the_size_and_the_time_bound(FuzzedDataProvider data) {
        int size = data.consumeInt(50, 2000);
        int overlap = data.consumeInt(0, size / 2 - 1);
        String text = data.consumeRemainingAsString();

        List<Chunk> chunks = TimeBound.within(Duration.ofSeconds(1),
                () -> new MarkdownChunker(size, overlap).chunk(ID, "t", "s", text));

        for (Chunk chunk : chunks) {
            assertThat(chunk.text().length()).isBetween(1, size);
        }
    }
}
