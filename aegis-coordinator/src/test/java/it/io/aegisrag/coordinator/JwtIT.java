package it.io.aegisrag.coordinator;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second test server runs with aegis.auth.mode=jwt and the public key of src/test/resources/jwt:
 * tokens signed with its private key are let in with the role their groups name, others are not.
 */
class JwtIT {

    private static final URI BASE = URI.create("http://localhost:" + System.getProperty("jwt.http.port", "9081"));
    private static final String ISSUER = System.getProperty("it.jwt.issuer", "https://it.aegisrag.io");
    private static final String DOCUMENT = "{\"title\":\"Jwt\",\"source\":\"jwt.md\",\"text\":\"Tokens are verified with the public key.\"}";

    private static PrivateKey testKey() {
        try (InputStream pem = JwtIT.class.getResourceAsStream("/jwt/it-private-key.pem")) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test key cannot be read", e);
        }
    }

    private static String token(PrivateKey key, Instant expires, String... groups) {
        return token("it-user", key, expires, groups);
    }

    private static String token(String subject, PrivateKey key, Instant expires, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        claims.setStringListClaim("groups", groups);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String... groups) {
        return token(testKey(), Instant.now().plus(Duration.ofMinutes(5)), groups);
    }

    private static AegisClient.Reply ingest(String token) {
        return AegisClient.send(HttpRequest.newBuilder(BASE.resolve("/api/v1/documents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DOCUMENT)), token);
    }

    @Test
    void should_let_a_signed_token_do_what_its_groups_grant() {
        AegisClient.Reply created = ingest(token("writer"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        AegisClient.Reply read = AegisClient.send(HttpRequest.newBuilder(BASE.resolve("/api/v1/documents")).GET(), token("reader"));
        AegisClient.Reply refused = ingest(token("reader"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("error_type")).isEqualTo("permission_error");
    }

    @Test
    void should_answer_401_to_missing_expired_and_foreign_tokens() throws GeneralSecurityException {
        PrivateKey foreign = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();

        assertThat(ingest(null).status()).isEqualTo(401);
        assertThat(ingest(token(testKey(), Instant.now().minus(Duration.ofMinutes(5)), "admin")).status()).as("expired").isEqualTo(401);
        assertThat(ingest(token(foreign, Instant.now().plus(Duration.ofMinutes(5)), "admin")).status()).as("foreign key").isEqualTo(401);
        assertThat(ingest("it-admin-key").status()).as("an API key").isEqualTo(401);
    }

    @Test
    void should_leave_health_open() {
        assertThat(AegisClient.send(HttpRequest.newBuilder(BASE.resolve("/health/ready")).GET(), null).status()).isEqualTo(200);
    }

    private static AegisClient.Reply episode(String subject, String content) {
        return AegisClient.send(HttpRequest.newBuilder(BASE.resolve("/api/v1/memory/episodes")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"jwt-groups\",\"content\":\"" + content + "\"}")),
                token(subject, testKey(), Instant.now().plus(Duration.ofMinutes(5)), "writer"));
    }

    private static String facts(String subject, String role) {
        AegisClient.Reply reply = AegisClient.send(HttpRequest.newBuilder(BASE.resolve("/api/v1/memory/facts?type=semantic&entity=tamsin-greave")).GET(),
                token(subject, testKey(), Instant.now().plus(Duration.ofMinutes(5)), role));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void should_give_each_subject_its_memory_and_let_every_caller_read_the_shared_group() {
        assertThat(episode("handbook", "Tamsin Greave leads Oriel Works.").json().getJsonArray("facts").getJsonObject(0).getString("group_id"))
                .isEqualTo("jwt:handbook");
        assertThat(episode("ben", "Tamsin Greave leads Brack Foundry.").status()).isEqualTo(201);

        assertThat(facts("ann", "reader")).as("the shared group, not Ben's").contains("oriel-works").doesNotContain("brack-foundry");
        assertThat(facts("ben", "reader")).contains("oriel-works", "brack-foundry");
        assertThat(facts("handbook", "reader")).contains("oriel-works").doesNotContain("brack-foundry");
        assertThat(facts("root", "admin")).contains("oriel-works", "brack-foundry");
    }
}
