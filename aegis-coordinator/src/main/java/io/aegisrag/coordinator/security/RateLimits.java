package io.aegisrag.coordinator.security;

import io.aegisrag.core.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.HexFormat;

/**
 * The rate limit of {@code aegis.api.rate-limit.per-minute}, one budget per client whatever protocol it
 * speaks: per API key or token when the caller sent one (known by its digest, never the credential
 * itself), else per client address.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    @ConfigProperty(name = ConfigKeys.RATE_LIMIT_PER_MINUTE, defaultValue = "6000")
    long perMinute;

    @Inject
    Clock clock;

    private RateLimiter limiter;

    @PostConstruct
    void createLimiter() {
        limiter = new RateLimiter(perMinute, clock);
    }

    /**
     * Spends one call of the client's budget.
     *
     * @throws RateLimitedException when the budget is spent, with the wait until the next call is allowed
     */
    public void acquire(String authorization, String remoteAddress) {
        limiter.acquire(client(authorization, remoteAddress)).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
    }

    private static String client(String authorization, String remoteAddress) {
        if (authorization != null && !authorization.isBlank()) {
            return "key:" + HexFormat.of().formatHex(Sha256.of(authorization));
        }
        return "address:" + remoteAddress;
    }
}
