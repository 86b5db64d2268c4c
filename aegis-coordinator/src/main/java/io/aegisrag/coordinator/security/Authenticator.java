package io.aegisrag.coordinator.security;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides who may call what, from {@code aegis.auth.mode} and {@code aegis.auth.api-keys}, checked
 * at start-up: an unknown mode, a malformed key list or api-key mode without keys stops the start.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    private static final String BEARER = "Bearer ";

    private final AuthMode mode;
    private final ApiKeys keys;

    @Inject
    public Authenticator(@ConfigProperty(name = ConfigKeys.AUTH_MODE, defaultValue = "none") String mode,
                         @ConfigProperty(name = ConfigKeys.AUTH_API_KEYS, defaultValue = "") Optional<String> keys) {
        this.mode = AuthMode.named(mode);
        this.keys = ApiKeys.parse(keys.orElse(""));
        if (this.mode == AuthMode.API_KEY && this.keys.isEmpty()) {
            throw new IllegalStateException(ConfigKeys.AUTH_MODE + "=api-key needs at least one KEY:ROLE in " + ConfigKeys.AUTH_API_KEYS);
        }
    }

    protected Authenticator() {
        this.mode = null;
        this.keys = null;
    }

    void onStart(@Observes Startup startup) {
        if (mode == AuthMode.NONE) {
            LOG.warning(ConfigKeys.AUTH_MODE + "=none: anyone who reaches this server may query, ingest and delete."
                    + " Set " + ConfigKeys.AUTH_MODE + "=api-key and " + ConfigKeys.AUTH_API_KEYS + " before exposing it.");
        } else {
            LOG.info("API keys required on /api (" + ConfigKeys.AUTH_MODE + "=api-key)");
        }
    }

    /**
     * Lets the request through when its {@code Authorization} header carries a key whose role includes
     * {@code required}, or when authentication is off.
     *
     * @throws AegisException 401 without a known key, 403 when its role is not enough
     */
    public void authorize(String authorization, Role required) {
        if (mode == AuthMode.NONE) {
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AegisException(ErrorType.AUTHENTICATION_ERROR, "send an API key as 'Authorization: Bearer KEY'");
        }
        Role role = keys.roleOf(authorization.substring(BEARER.length()).strip())
                .orElseThrow(() -> new AegisException(ErrorType.AUTHENTICATION_ERROR, "the API key is not known"));
        if (!role.includes(required)) {
            throw new AegisException(ErrorType.PERMISSION_ERROR, "this needs the role " + required.name().toLowerCase()
                    + "; the key has the role " + role.name().toLowerCase());
        }
    }
}
