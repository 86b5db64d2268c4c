package io.aegisrag.coordinator.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per client: {@code perMinute} requests a minute, refilled continuously, and as many
 * at once as a minute holds. The buckets of clients idle for ten minutes are dropped, and at most
 * 100,000 are kept, so a flood of client ids cannot fill the heap.
 */
public final class RateLimiter {

    private static final long MAX_CLIENTS = 100_000;

    private final double perMinute;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** @param perMinute requests a minute per client; 0 turns the limit off */
    public RateLimiter(long perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("the rate limit must be 0 (off) or positive, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes a token from {@code client}'s bucket; when it is empty, says how long until the next one. */
    public Optional<Duration> acquire(String client) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        return buckets.get(client, id -> new Bucket(perMinute, clock.millis())).take(perMinute, clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(double perMinute, long now) {
            double perMilli = perMinute / 60_000;
            tokens = Math.min(perMinute, tokens + Math.max(0, now - refilledAt) * perMilli);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli)));
        }
    }
}
