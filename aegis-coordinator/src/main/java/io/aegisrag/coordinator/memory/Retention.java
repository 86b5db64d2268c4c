package io.aegisrag.coordinator.memory;

import io.aegisrag.core.config.ConfigDurations;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.memory.RetentionPolicy;
import io.aegisrag.core.port.TemporalMemory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The memory budget: applies the retention policy ({@code aegis.memory.retention.*}) to temporal
 * memory every {@code interval}, and on demand.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** What one run removed, under which policy. */
    public record Run(int factsRemoved, String maxAge, int maxPerSession) {
    }

    private final TemporalMemory memory;
    private final Clock clock;
    private final RetentionPolicy policy;
    private final Duration interval;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    public Retention(TemporalMemory memory, Clock clock,
                     @ConfigProperty(name = ConfigKeys.RETENTION_MAX_AGE, defaultValue = "P30D") String maxAge,
                     @ConfigProperty(name = ConfigKeys.RETENTION_MAX_PER_SESSION, defaultValue = "1000") int maxPerSession,
                     @ConfigProperty(name = ConfigKeys.RETENTION_INTERVAL, defaultValue = "PT1H") String interval) {
        this.memory = memory;
        this.clock = clock;
        this.policy = new RetentionPolicy(ConfigDurations.positive(ConfigKeys.RETENTION_MAX_AGE, maxAge), maxPerSession);
        this.interval = ConfigDurations.positive(ConfigKeys.RETENTION_INTERVAL, interval);
    }

    protected Retention() {
        this.memory = null;
        this.clock = null;
        this.policy = null;
        this.interval = null;
    }

    void schedule(@Observes Startup startup) {
        scheduler.scheduleAtFixedRate(this::runLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Applies the policy now. */
    public Run run() {
        int removed = memory.retain(policy, clock.instant());
        if (removed > 0) {
            LOG.info("memory retention removed " + removed + " facts (older than " + policy.maxAge() + " or beyond a session's newest "
                    + policy.maxPerSubject() + ")");
        }
        return new Run(removed, policy.maxAge().toString(), policy.maxPerSubject());
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "memory retention failed; it runs again in " + interval, e);
        }
    }

}
