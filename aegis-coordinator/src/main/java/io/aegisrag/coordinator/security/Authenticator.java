package io.aegisrag.coordinator.security;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.MemoryScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Decides who may call what, from {@code aegis.auth.mode} and either {@code aegis.auth.api-keys} or
 * the {@code mp.jwt.verify.*} keys, checked at start-up: an unknown mode, a malformed key list,
 * api-key mode without keys or jwt mode without a public key and an issuer stops the start. It also
 * says whose memory a caller works with: its key's group ({@link ApiKeys#groupOf}) or its token
 * subject's ({@code jwt:<sub>}), reading that group, the groups of {@code aegis.memory.shared-groups}
 * and the documents'; an administrator reads every group. Without authentication every caller is an
 * administrator of the one default group.
 */
@ApplicationScoped
public class Authenticator {

    static final String JWT_PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    static final String JWT_AUDIENCES = "mp.jwt.verify.audiences";

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    private static final String BEARER = "Bearer ";

    private final AuthMode mode;
    private final ApiKeys keys;
    private final JwtVerifier tokens;
    private final Set<String> sharedGroups;

    @Inject
    public Authenticator(@ConfigProperty(name = ConfigKeys.AUTH_MODE, defaultValue = "none") String mode,
                         @ConfigProperty(name = ConfigKeys.AUTH_API_KEYS) Optional<String> keys,
                         @ConfigProperty(name = JWT_PUBLIC_KEY) Optional<String> jwtPublicKey,
                         @ConfigProperty(name = JWT_PUBLIC_KEY_LOCATION) Optional<String> jwtPublicKeyLocation,
                         @ConfigProperty(name = JWT_ISSUER) Optional<String> jwtIssuer,
                         @ConfigProperty(name = JWT_AUDIENCES) Optional<List<String>> jwtAudiences,
                         @ConfigProperty(name = ConfigKeys.MEMORY_SHARED_GROUPS) Optional<List<String>> sharedGroups,
                         Clock clock) {
        this.mode = AuthMode.named(mode);
        this.keys = ApiKeys.parse(keys.orElse(""));
        this.sharedGroups = sharedGroups.orElse(List.of()).stream().map(String::strip).filter(group -> !group.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (this.mode == AuthMode.API_KEY && this.keys.isEmpty()) {
            throw new IllegalStateException(ConfigKeys.AUTH_MODE + "=api-key needs at least one KEY:ROLE in " + ConfigKeys.AUTH_API_KEYS);
        }
        this.tokens = this.mode != AuthMode.JWT ? null : new JwtVerifier(
                jwtPublicKey.or(() -> jwtPublicKeyLocation.map(Authenticator::read)).orElseThrow(() -> new IllegalStateException(
                        ConfigKeys.AUTH_MODE + "=jwt needs " + JWT_PUBLIC_KEY + " or " + JWT_PUBLIC_KEY_LOCATION)),
                jwtIssuer.orElseThrow(() -> new IllegalStateException(ConfigKeys.AUTH_MODE + "=jwt needs " + JWT_ISSUER)),
                jwtAudiences.orElse(List.of()), clock);
    }

    protected Authenticator() {
        this.mode = null;
        this.keys = null;
        this.tokens = null;
        this.sharedGroups = null;
    }

    void onStart(@Observes Startup startup) {
        switch (mode) {
            case NONE -> LOG.warning(ConfigKeys.AUTH_MODE + "=none: anyone who reaches this server may query, ingest and delete."
                    + " Set " + ConfigKeys.AUTH_MODE + "=api-key or jwt before exposing it.");
            case API_KEY -> LOG.info("API keys required on /api (" + ConfigKeys.AUTH_MODE + "=api-key)");
            case JWT -> LOG.info("signed JWTs required on /api (" + ConfigKeys.AUTH_MODE + "=jwt)");
        }
    }

    /**
     * Lets the request through when its {@code Authorization} header carries a known key or a valid
     * token whose role includes {@code required}, or when authentication is off.
     *
     * @throws AegisException 401 without a known key or a valid token, 403 when its role is not enough
     */
    public Caller authorize(String authorization, Role required) {
        Caller caller = authenticate(authorization);
        Role role = caller.role();
        if (!role.includes(required)) {
            throw forbidden("this needs the role " + required.name().toLowerCase(Locale.ROOT) + "; the caller has the role "
                    + role.name().toLowerCase(Locale.ROOT));
        }
        return caller;
    }

    /**
     * The caller whose {@code Authorization} header this is: the role of its key or token and its
     * memory, or an administrator of the default group when authentication is off.
     *
     * @throws AegisException 401 without a known key or a valid token, 403 for a token naming no role
     */
    public Caller authenticate(String authorization) {
        if (mode == AuthMode.NONE) {
            return new Caller(Role.ADMIN, MemoryScope.ALL);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthenticated("send " + (mode == AuthMode.JWT ? "a token" : "an API key") + " as 'Authorization: Bearer "
                    + (mode == AuthMode.JWT ? "TOKEN" : "KEY") + "'");
        }
        String credential = authorization.substring(BEARER.length()).strip();
        if (mode == AuthMode.API_KEY) {
            Role role = keys.roleOf(credential).orElseThrow(() -> unauthenticated("the API key is not known"));
            return caller(role, ApiKeys.groupOf(credential));
        }
        JwtVerifier.Token token = tokens.verify(credential).orElseThrow(() -> unauthenticated("the token is not valid: its signature,"
                + " issuer, audience or expiry does not match"));
        Role role = token.role().orElseThrow(() -> forbidden("the token's groups name none of the roles reader, writer, admin"));
        return caller(role, "jwt:" + token.subject());
    }

    private Caller caller(Role role, String group) {
        return new Caller(role, role.includes(Role.ADMIN) ? MemoryScope.everything(group) : MemoryScope.of(group, sharedGroups));
    }

    private static AegisException unauthenticated(String detail) {
        return new AegisException(ErrorType.AUTHENTICATION_ERROR, detail);
    }

    private static AegisException forbidden(String detail) {
        return new AegisException(ErrorType.PERMISSION_ERROR, detail);
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location));
        } catch (IOException e) {
            throw new UncheckedIOException(JWT_PUBLIC_KEY_LOCATION + " cannot be read: " + location, e);
        }
    }
}
