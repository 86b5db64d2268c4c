package io.aegisrag.memory;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.TemporalMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Chooses the memory adapters named by {@code aegis.memory.provider} and {@code aegis.redis.url}. */
@ApplicationScoped
public class MemoryProducer {

    @Produces
    @ApplicationScoped
    TemporalMemory temporalMemory(@ConfigProperty(name = ConfigKeys.MEMORY_PROVIDER, defaultValue = "embedded") String provider) {
        return switch (provider) {
            case "embedded" -> new InMemoryTemporalMemory();
            default -> throw new IllegalStateException(ConfigKeys.MEMORY_PROVIDER + " must be one of [embedded], got '" + provider + "'");
        };
    }

    @Produces
    @ApplicationScoped
    ShortTermMemory shortTermMemory() {
        return new CaffeineShortTermMemory(Duration.ofHours(1), 50, 100_000);
    }
}
