package io.aegisrag.memory;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.ShortTermMemoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Redis adapter against a real redis-server started on a free port (CI installs Debian's package). */
class RedisShortTermMemoryTest extends ShortTermMemoryContract {

    private static RedisServer redis;
    private RedisShortTermMemory opened;

    @BeforeAll
    static void startRedis() throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v redis-server").start().waitFor() == 0;
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "redis-server is not installed (apt-get install redis-server)");
        }
        redis = new RedisServer();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeClient() {
        if (opened != null) {
            opened.close();
        }
    }

    private RedisShortTermMemory open(Duration ttl) {
        opened = new RedisShortTermMemory(redis.url(), ttl, MAX_TURNS, Duration.ofMillis(500));
        return opened;
    }

    @Override
    protected ShortTermMemory createMemory() {
        return open(Duration.ofMinutes(5));
    }

    @Test
    void should_forget_a_session_its_ttl_after_the_last_turn() throws Exception {
        RedisShortTermMemory shortLived = open(Duration.ofMillis(300));
        String session = session();
        shortLived.append(session, turn("one"));
        assertThat(shortLived.recent(session, 10)).hasSize(1);

        Thread.sleep(1000);

        assertThat(shortLived.recent(session, 10)).isEmpty();
    }

    @Test
    void should_fail_fast_while_redis_is_down_and_resume_by_itself_when_it_returns() throws Exception {
        String session = session();
        memory.append(session, turn("before"));

        redis.stop();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> memory.append(session, turn("during")))
                    .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused, not queued").isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(memory::isAvailable).isInstanceOf(AegisException.class);
        } finally {
            redis.start();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean back = false;
        while (!back && System.nanoTime() < deadline) {
            try {
                back = memory.isAvailable();
            } catch (AegisException notYet) {
                Thread.sleep(200);
            }
        }
        assertThat(back).as("reconnected by itself").isTrue();
        memory.append(session, turn("after"));
        assertThat(memory.recent(session, 10)).extracting(t -> t.question()).containsExactly("after");
    }

    @Test
    void should_start_while_redis_is_down_and_connect_at_the_first_command() throws Exception {
        RedisShortTermMemory early = new RedisShortTermMemory("redis://127.0.0.1:1", Duration.ofMinutes(5), MAX_TURNS, Duration.ofMillis(300));
        try {
            assertThatThrownBy(() -> early.recent("s", 1))
                    .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
        } finally {
            early.close();
        }
    }
}
