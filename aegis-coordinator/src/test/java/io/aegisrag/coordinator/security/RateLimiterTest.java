package io.aegisrag.coordinator.security;

import io.aegisrag.core.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T00:00:00Z"));

    @Test
    void should_allow_a_minutes_worth_at_once_then_refuse_until_a_token_is_back() {
        RateLimiter limiter = new RateLimiter(60, clock);

        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("a")).as("request " + i).isEmpty();
        }

        assertThat(limiter.acquire("a")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("a")).contains(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("a")).isEmpty();
    }

    @Test
    void should_keep_each_clients_bucket_apart() {
        RateLimiter limiter = new RateLimiter(1, clock);

        assertThat(limiter.acquire("a")).isEmpty();

        assertThat(limiter.acquire("a")).isPresent();
        assertThat(limiter.acquire("b")).isEmpty();
    }

    @Test
    void should_never_refuse_when_the_limit_is_off() {
        RateLimiter limiter = new RateLimiter(0, clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
        }
    }

    @Test
    void should_round_the_wait_up_to_whole_seconds_for_retry_after() {
        assertThat(new RateLimitedException(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitedException(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
    }
}
