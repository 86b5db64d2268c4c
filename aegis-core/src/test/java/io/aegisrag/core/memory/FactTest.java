package io.aegisrag.core.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FactTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void should_be_valid_from_its_start_up_to_but_not_including_its_end() {
        Fact fact = new Fact("1", FactType.ENTITY, "s", "c", FROM, TO, FROM);

        assertThat(fact.isValidAt(FROM.minusSeconds(1))).isFalse();
        assertThat(fact.isValidAt(FROM)).isTrue();
        assertThat(fact.isValidAt(TO.minusSeconds(1))).isTrue();
        assertThat(fact.isValidAt(TO)).isFalse();
    }

    @Test
    void should_stay_valid_forever_when_open_ended() {
        Fact fact = new Fact("1", FactType.ENTITY, "s", "c", FROM, null, FROM);

        assertThat(fact.isValidAt(Instant.parse("2100-01-01T00:00:00Z"))).isTrue();
        assertThat(fact.end()).isEmpty();
    }
}
