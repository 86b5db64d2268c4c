package io.aegisrag.memory;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeineShortTermMemoryTest {

    private final CaffeineShortTermMemory memory = new CaffeineShortTermMemory(Duration.ofMinutes(5), 3, 100, 1_000_000);

    @Test
    void should_return_the_most_recent_turns_oldest_first() {
        memory.append("s1", "one");
        memory.append("s1", "two");
        memory.append("s1", "three");

        assertThat(memory.recent("s1", 2)).containsExactly("two", "three");
    }

    @Test
    void should_keep_at_most_max_turns_per_session_and_sessions_apart() {
        for (String turn : new String[]{"a", "b", "c", "d"}) {
            memory.append("s1", turn);
        }
        memory.append("s2", "other");

        assertThat(memory.recent("s1", 10)).containsExactly("b", "c", "d");
        assertThat(memory.recent("s2", 10)).containsExactly("other");
        assertThat(memory.recent("unknown", 10)).isEmpty();
    }

    @Test
    void should_keep_no_more_bytes_than_its_bound_however_long_the_turns() {
        CaffeineShortTermMemory small = new CaffeineShortTermMemory(Duration.ofMinutes(5), 50, 1000, 100_000);

        for (int session = 0; session < 50; session++) {
            for (int turn = 0; turn < 5; turn++) {
                small.append("s" + session, "x".repeat(4000));
            }
        }
        small.cleanUp();

        assertThat(small.sessionCount()).isLessThanOrEqualTo(2);
        assertThat(small.isAvailable()).isTrue();
    }
}
