package io.aegisrag.retrieval.parsing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.testing.TimeBound;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import org.jsoup.Jsoup;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage-guided: whatever the page, its main content reads into Markdown the chunker takes, and fast. */
class HtmlReadingFuzzTest {

    private static final int MAX_CHARS = 1_000_000;

    @FuzzTest(maxDuration = "10m")
    void should_read_any_page_into_chunks_within_the_time_bound(FuzzedDataProvider data) {
        String html = data.consumeRemainingAsString();

        var chunks = TimeBound.within(Duration.ofSeconds(2), () -> new MarkdownChunker(200, 20).chunk(DocumentId.random(), "t", "s",
                HtmlToMarkdown.convert(MainContent.of(Jsoup.parse(html)), MAX_CHARS)));

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text()).isNotBlank().hasSizeLessThanOrEqualTo(200));
    }
}
