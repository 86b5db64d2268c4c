package io.aegisrag.retrieval.embedding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingCacheTest {

    @Test
    void should_keep_no_more_entries_than_its_count_bound() {
        EmbeddingCache cache = new EmbeddingCache(10, 1_000_000);

        for (int i = 0; i < 100; i++) {
            cache.put("text " + i, new float[4]);
        }
        cache.cleanUp();

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void should_keep_no_more_bytes_than_its_byte_bound_however_long_the_texts() {
        EmbeddingCache cache = new EmbeddingCache(10_000, 100_000);

        for (int i = 0; i < 100; i++) {
            cache.put(i + "x".repeat(20_000), new float[384]);
        }
        cache.cleanUp();

        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void should_refuse_bounds_that_leave_no_room() {
        assertThatThrownBy(() -> new EmbeddingCache(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddingCache(100, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
