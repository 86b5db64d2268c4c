package io.aegisrag.coordinator.security;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Verifies MicroProfile JWT bearer tokens with the usual {@code mp.jwt.verify.*} settings: signed
 * with RS256 or ES256 by the configured public key (no other algorithm, never {@code none}), not
 * expired (60 s of clock skew), from the configured issuer, for the configured audiences if any. The
 * caller's role is the highest of {@code reader}, {@code writer}, {@code admin} among the token's
 * {@code groups} claim. Verification is done by jose4j.
 */
public final class JwtVerifier {

    /** A verified token: its subject and the role its groups grant, if any. */
    public record Token(String subject, Optional<Role> role) {
    }

    private static final int CLOCK_SKEW_SECONDS = 60;

    private final PublicKey key;
    private final String issuer;
    private final List<String> audiences;
    private final Clock clock;

    /**
     * @param publicKeyPem an X.509 public key, PEM or bare base64 ({@code mp.jwt.verify.publickey})
     * @param audiences    accepted audiences; empty accepts a token without or with any audience
     */
    public JwtVerifier(String publicKeyPem, String issuer, List<String> audiences, Clock clock) {
        this.key = parsePublicKey(publicKeyPem);
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
    }

    /** What a valid token says of its caller; empty when the token is not valid for any reason. */
    public Optional<Token> verify(String token) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        if (audiences.isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(audiences.toArray(String[]::new));
        }
        JwtConsumer consumer = builder.build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            Optional<Role> role = groups.stream().map(Role::find).flatMap(Optional::stream).max(Comparator.naturalOrder());
            return Optional.of(new Token(claims.getSubject(), role));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static PublicKey parsePublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mp.jwt.verify.publickey is not a base64 or PEM public key", e);
        }
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException tryTheNext) {
                // not a key of this algorithm
            }
        }
        throw new IllegalArgumentException("mp.jwt.verify.publickey is neither an RSA nor an EC public key");
    }
}
