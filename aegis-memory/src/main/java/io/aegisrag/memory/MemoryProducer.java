package io.aegisrag.memory;

import io.aegisrag.core.config.ConfigDurations;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.TemporalMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Chooses the memory adapters named by {@code aegis.memory.provider} and {@code aegis.redis.url}. */
@ApplicationScoped
public class MemoryProducer {

    @Produces
    @ApplicationScoped
    TemporalMemory temporalMemory(@ConfigProperty(name = ConfigKeys.MEMORY_PROVIDER, defaultValue = "embedded") String provider,
                                  @ConfigProperty(name = ConfigKeys.DATA_DIR, defaultValue = "aegis-data") String dataDir,
                                  @ConfigProperty(name = ConfigKeys.NEO4J_URI, defaultValue = "bolt://localhost:7687") String neo4jUri,
                                  @ConfigProperty(name = ConfigKeys.NEO4J_USER, defaultValue = "neo4j") String neo4jUser,
                                  @ConfigProperty(name = ConfigKeys.NEO4J_PASSWORD) Optional<String> neo4jPassword,
                                  @ConfigProperty(name = ConfigKeys.NEO4J_DATABASE, defaultValue = "neo4j") String neo4jDatabase,
                                  @ConfigProperty(name = ConfigKeys.NEO4J_TIMEOUT_MS, defaultValue = "5000") long neo4jTimeoutMs) {
        return switch (provider) {
            case "embedded" -> new JournaledTemporalMemory(Path.of(dataDir, "memory", "facts.jsonl"));
            case "neo4j" -> new Neo4jTemporalMemory(neo4jUri, neo4jUser, neo4jPassword.orElse(null), neo4jDatabase, Duration.ofMillis(neo4jTimeoutMs));
            default -> throw new IllegalStateException(ConfigKeys.MEMORY_PROVIDER + " must be one of [embedded, neo4j], got '" + provider + "'");
        };
    }

    void closeTemporalMemory(@Disposes TemporalMemory memory) throws Exception {
        closeIfCloseable(memory);
    }

    @Produces
    @ApplicationScoped
    ShortTermMemory shortTermMemory(@ConfigProperty(name = ConfigKeys.SHORT_TERM_PROVIDER, defaultValue = "caffeine") String provider,
                                    @ConfigProperty(name = ConfigKeys.SHORT_TERM_TTL, defaultValue = "PT1H") String ttl,
                                    @ConfigProperty(name = ConfigKeys.SHORT_TERM_MAX_TURNS, defaultValue = "20") int maxTurns,
                                    @ConfigProperty(name = ConfigKeys.SHORT_TERM_MAX_BYTES, defaultValue = "67108864") long maxBytes,
                                    @ConfigProperty(name = ConfigKeys.REDIS_URL, defaultValue = "redis://localhost:6379") String redisUrl,
                                    @ConfigProperty(name = ConfigKeys.REDIS_TIMEOUT_MS, defaultValue = "500") long redisTimeoutMs) {
        Duration expiry = ConfigDurations.positive(ConfigKeys.SHORT_TERM_TTL, ttl);
        if (maxTurns < 1) {
            throw new IllegalStateException(ConfigKeys.SHORT_TERM_MAX_TURNS + " must be at least 1, got " + maxTurns);
        }
        return switch (provider) {
            case "caffeine" -> new CaffeineShortTermMemory(expiry, maxTurns, 100_000, maxBytes);
            case "redis" -> new RedisShortTermMemory(redisUrl, expiry, maxTurns, Duration.ofMillis(redisTimeoutMs));
            default -> throw new IllegalStateException(ConfigKeys.SHORT_TERM_PROVIDER + " must be one of [caffeine, redis], got '" + provider + "'");
        };
    }

    void closeShortTermMemory(@Disposes ShortTermMemory memory) throws Exception {
        closeIfCloseable(memory);
    }

    private static void closeIfCloseable(Object store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

}
