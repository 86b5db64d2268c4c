package io.aegisrag.coordinator.security;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JwtVerifierTest {

    static final String ISSUER = "https://issuer.example";
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final KeyPair RSA = generate("RSA", 2048);
    private static final KeyPair OTHER_RSA = generate("RSA", 2048);
    private static final KeyPair EC = generate("EC", 256);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static JwtClaims claims(String issuer, Instant expires, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("alice");
        claims.setIssuedAt(NumericDate.fromMilliseconds(NOW.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        claims.setStringListClaim("groups", groups);
        return claims;
    }

    static String sign(JwtClaims claims, Key key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private JwtVerifier verifier(KeyPair keys, List<String> audiences) {
        return new JwtVerifier(pem(keys), ISSUER, audiences, clock);
    }

    private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    @Test
    void should_name_the_caller_and_the_highest_role_its_groups_grant() {
        String token = sign(claims(ISSUER, LATER, "reader", "writer", "staff"), RSA.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);

        assertThat(verifier(RSA, List.of()).verify(token)).contains(new JwtVerifier.Token("alice", Optional.of(Role.WRITER)));
    }

    @Test
    void should_accept_an_es256_token_signed_by_the_configured_ec_key() {
        String token = sign(claims(ISSUER, LATER, "admin"), EC.getPrivate(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

        assertThat(verifier(EC, List.of()).verify(token)).hasValueSatisfying(caller -> assertThat(caller.role()).contains(Role.ADMIN));
    }

    @Test
    void should_verify_a_token_whose_groups_name_no_role_but_grant_none() {
        String token = sign(claims(ISSUER, LATER, "staff"), RSA.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);

        assertThat(verifier(RSA, List.of()).verify(token)).hasValueSatisfying(caller -> assertThat(caller.role()).isEmpty());
    }

    @Test
    void should_refuse_expired_foreign_unsigned_and_confused_tokens() {
        JwtVerifier verifier = verifier(RSA, List.of());
        String rs256 = AlgorithmIdentifiers.RSA_USING_SHA256;

        assertThat(verifier.verify(sign(claims(ISSUER, NOW.minus(Duration.ofMinutes(2)), "admin"), RSA.getPrivate(), rs256))).as("expired").isEmpty();
        assertThat(verifier.verify(sign(claims("https://evil.example", LATER, "admin"), RSA.getPrivate(), rs256))).as("issuer").isEmpty();
        assertThat(verifier.verify(sign(claims(ISSUER, LATER, "admin"), OTHER_RSA.getPrivate(), rs256))).as("another key").isEmpty();
        assertThat(verifier.verify(sign(claims(ISSUER, LATER, "admin"), null, AlgorithmIdentifiers.NONE))).as("alg none").isEmpty();
        assertThat(verifier.verify(sign(claims(ISSUER, LATER, "admin"), new HmacKey(RSA.getPublic().getEncoded()),
                AlgorithmIdentifiers.HMAC_SHA256))).as("HS256 keyed with the public key").isEmpty();
        assertThat(verifier.verify("not.a.token")).as("garbage").isEmpty();
    }

    @Test
    void should_require_a_configured_audience() {
        JwtClaims claims = claims(ISSUER, LATER, "reader");
        String withoutAudience = sign(claims, RSA.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
        claims.setAudience("aegisrag");
        String forAegis = sign(claims, RSA.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);

        JwtVerifier verifier = verifier(RSA, List.of("aegisrag"));

        assertThat(verifier.verify(withoutAudience)).isEmpty();
        assertThat(verifier.verify(forAegis)).isPresent();
    }
}
