package io.aegisrag.memory;

import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.ShortTermMemoryContract;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeineShortTermMemoryTest extends ShortTermMemoryContract {

    @Override
    protected ShortTermMemory createMemory() {
        return new CaffeineShortTermMemory(Duration.ofMinutes(5), MAX_TURNS, 100, 1_000_000);
    }

    @Test
    void should_keep_no_more_bytes_than_its_bound_however_long_the_turns() {
        CaffeineShortTermMemory small = new CaffeineShortTermMemory(Duration.ofMinutes(5), 50, 1000, 100_000);

        for (int session = 0; session < 50; session++) {
            for (int turn = 0; turn < 5; turn++) {
                small.append("s" + session, new Turn("x".repeat(4000), "y", List.of(), Instant.EPOCH));
            }
        }
        small.cleanUp();

        assertThat(small.sessionCount()).isLessThanOrEqualTo(2);
        assertThat(small.isAvailable()).isTrue();
    }
}
