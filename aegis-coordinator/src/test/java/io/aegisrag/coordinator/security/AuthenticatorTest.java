package io.aegisrag.coordinator.security;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.MemoryScope;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatorTest {

    private final Clock clock = Clock.fixed(JwtVerifierTest.NOW, ZoneOffset.UTC);

    private Authenticator jwt() {
        return new Authenticator("jwt", Optional.empty(), Optional.of(JwtVerifierTest.pem(JwtVerifierTest.RSA)), Optional.empty(),
                Optional.of(JwtVerifierTest.ISSUER), Optional.empty(), Optional.empty(), clock);
    }

    private static String token(String... groups) {
        return "Bearer " + JwtVerifierTest.sign(JwtVerifierTest.claims(JwtVerifierTest.ISSUER, JwtVerifierTest.NOW.plus(Duration.ofMinutes(5)), groups),
                JwtVerifierTest.RSA.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    private static void assertRefused(Runnable call, ErrorType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AegisException.class, e -> org.assertj.core.api.Assertions
                .assertThat(e.errorType()).isEqualTo(type));
    }

    @Test
    void should_let_a_valid_token_do_what_its_groups_grant_and_no_more() {
        Authenticator authenticator = jwt();

        assertThatCode(() -> authenticator.authorize(token("reader"), Role.READER)).doesNotThrowAnyException();
        assertRefused(() -> authenticator.authorize(token("reader"), Role.WRITER), ErrorType.PERMISSION_ERROR);
        assertRefused(() -> authenticator.authorize(token("staff"), Role.READER), ErrorType.PERMISSION_ERROR);
        assertThatCode(() -> authenticator.authorize(token("admin"), Role.ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void should_answer_401_without_a_token_or_with_an_invalid_one() {
        Authenticator authenticator = jwt();

        assertRefused(() -> authenticator.authorize(null, Role.READER), ErrorType.AUTHENTICATION_ERROR);
        assertRefused(() -> authenticator.authorize("Basic YWxpY2U6c2VjcmV0", Role.READER), ErrorType.AUTHENTICATION_ERROR);
        assertRefused(() -> authenticator.authorize(token("admin") + "x", Role.READER), ErrorType.AUTHENTICATION_ERROR);
    }

    @Test
    void should_compare_api_keys_and_check_roles() {
        Authenticator authenticator = new Authenticator("api-key", Optional.of("r-key:reader, w-key:writer"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), clock);

        assertThatCode(() -> authenticator.authorize("Bearer w-key", Role.WRITER)).doesNotThrowAnyException();
        assertRefused(() -> authenticator.authorize("Bearer r-key", Role.WRITER), ErrorType.PERMISSION_ERROR);
        assertRefused(() -> authenticator.authorize("Bearer r-key2", Role.READER), ErrorType.AUTHENTICATION_ERROR);
    }

    @Test
    void should_refuse_to_start_on_a_configuration_that_would_leave_it_open_or_locked() {
        assertThatThrownBy(() -> new Authenticator("api-key", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), clock)).hasMessageContaining("aegis.auth.api-keys");
        assertThatThrownBy(() -> new Authenticator("api-key", Optional.of("secret-without-role"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), clock)).hasMessageContaining("pair 1").hasMessageNotContaining("secret-without-role");
        assertThatThrownBy(() -> new Authenticator("jwt", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(JwtVerifierTest.ISSUER), Optional.of(List.of()), Optional.empty(), clock)).hasMessageContaining("mp.jwt.verify.publickey");
        assertThatThrownBy(() -> new Authenticator("oauth", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), clock)).hasMessageContaining("aegis.auth.mode");
    }

    @Test
    void should_give_each_key_and_each_subject_its_own_memory_group_and_let_an_admin_read_every_group() {
        Authenticator keys = new Authenticator("api-key", Optional.of("r-key:reader, w-key:writer, a-key:admin"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(List.of("team", " ")), clock);

        Caller reader = keys.authenticate("Bearer r-key");
        Caller writer = keys.authenticate("Bearer w-key");
        assertThat(reader.memory().group()).isEqualTo(ApiKeys.groupOf("r-key")).matches("key:[0-9a-f]{12}").doesNotContain("r-key");
        assertThat(writer.memory().group()).isNotEqualTo(reader.memory().group());
        assertThat(reader.memory().readable()).containsExactlyInAnyOrder(reader.memory().group(), "team", MemoryScope.DOCUMENTS);
        assertThat(reader.memory().reads(writer.memory().group())).isFalse();
        assertThat(reader.changeable().readable()).containsExactly(reader.memory().group());
        Caller admin = keys.authenticate("Bearer a-key");
        assertThat(admin.memory().reads(writer.memory().group())).isTrue();
        assertThat(admin.changeable().reads(writer.memory().group())).isTrue();

        assertThat(jwt().authenticate(token("reader")).memory().group()).isEqualTo("jwt:alice");
        Caller open = new Authenticator("none", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), clock).authenticate(null);
        assertThat(open).isEqualTo(new Caller(Role.ADMIN, MemoryScope.ALL));
    }
}
