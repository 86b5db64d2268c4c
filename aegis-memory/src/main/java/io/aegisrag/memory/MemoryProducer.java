package io.aegisrag.memory;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.TemporalMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;

/** Chooses the memory adapters named by {@code aegis.memory.provider} and {@code aegis.redis.url}. */
@ApplicationScoped
public class MemoryProducer {

    @Produces
    @ApplicationScoped
    TemporalMemory temporalMemory(@ConfigProperty(name = ConfigKeys.MEMORY_PROVIDER, defaultValue = "embedded") String provider,
                                  @ConfigProperty(name = ConfigKeys.DATA_DIR, defaultValue = "aegis-data") String dataDir) {
        return switch (provider) {
            case "embedded" -> new JournaledTemporalMemory(Path.of(dataDir, "memory", "facts.jsonl"));
            default -> throw new IllegalStateException(ConfigKeys.MEMORY_PROVIDER + " must be one of [embedded], got '" + provider + "'");
        };
    }

    void closeTemporalMemory(@Disposes TemporalMemory memory) throws Exception {
        if (memory instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Produces
    @ApplicationScoped
    ShortTermMemory shortTermMemory(@ConfigProperty(name = ConfigKeys.SHORT_TERM_MAX_BYTES, defaultValue = "67108864") long maxBytes) {
        return new CaffeineShortTermMemory(Duration.ofHours(1), 50, 100_000, maxBytes);
    }
}
