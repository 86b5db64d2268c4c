package io.aegisrag.llm.cost;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpendLedgerTest {

    private static final PriceTable PRICES = PriceTable.parse("openai:gpt-4o-mini=0.15:0.60, openai:*=1:2, vllm:meta/llama:3-8b=0.5:0.5");

    @TempDir
    Path dir;

    private static Answer answer(String provider, String model, long prompt, long completion) {
        return new Answer("a", provider, model, prompt, completion, false, Duration.ZERO, false);
    }

    private SpendLedger ledger(Clock clock) {
        return new SpendLedger(dir.resolve("llm-spend.json"), clock, PRICES, Map.of("openai", 1.0));
    }

    @Test
    void should_price_calls_from_the_table_with_a_provider_wide_default_and_models_with_colons() {
        assertThat(PRICES.cost("openai", "gpt-4o-mini", 1_000_000, 1_000_000)).isCloseTo(0.75, within(1e-9));
        assertThat(PRICES.cost("openai", "o3", 1_000_000, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(PRICES.cost("vllm", "meta/llama:3-8b", 2_000_000, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(PRICES.cost("ollama", "llama3.1:8b", 5_000_000, 5_000_000)).isZero();
        assertThatThrownBy(() -> PriceTable.parse("openai=1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openai=1");
    }

    @Test
    void should_stop_a_provider_at_its_budget_and_never_a_free_one() {
        SpendLedger ledger = ledger(new MovableClock(Instant.parse("2026-11-24T10:00:00Z")));

        assertThat(ledger.record(answer("openai", "gpt-4o", 400_000, 0))).isCloseTo(0.4, within(1e-9));
        assertThat(ledger.exhausted("openai")).isFalse();
        ledger.record(answer("openai", "gpt-4o", 600_000, 0));
        ledger.record(answer("ollama", "llama3.1:8b", 9_000_000, 9_000_000));

        assertThat(ledger.exhausted("openai")).isTrue();
        assertThat(ledger.exhausted("ollama")).isFalse();
        SpendLedger.ProviderSpend openai = ledger.report(List.of("openai")).get(0);
        assertThat(openai.spendUsd()).isCloseTo(1.0, within(1e-9));
        assertThat(openai.remainingUsd()).isZero();
        assertThat(openai.models()).singleElement().satisfies(m -> assertThat(m.requests()).isEqualTo(2));
    }

    @Test
    void should_keep_the_months_spend_across_a_restart() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
        ledger(clock).record(answer("openai", "gpt-4o-mini", 1_000_000, 1_000_000));

        SpendLedger restarted = ledger(clock);

        assertThat(restarted.monthToDate("openai")).isCloseTo(0.75, within(1e-9));
        assertThat(restarted.report(List.of("openai")).get(0).models().get(0).promptTokens()).isEqualTo(1_000_000);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void should_start_each_month_from_zero_whether_running_or_restarted() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-30T23:59:00Z"));
        SpendLedger ledger = ledger(clock);
        ledger.record(answer("openai", "gpt-4o", 1_000_000, 0));
        assertThat(ledger.exhausted("openai")).isTrue();

        clock.set(Instant.parse("2026-12-01T00:00:01Z"));

        assertThat(ledger.exhausted("openai")).isFalse();
        assertThat(ledger.monthToDate("openai")).isZero();
        assertThat(ledger.month()).hasToString("2026-12");
        assertThat(ledger(clock).monthToDate("openai")).isZero();
    }

    @Test
    void should_refuse_to_start_on_a_ledger_it_cannot_read() throws Exception {
        Files.writeString(dir.resolve("llm-spend.json"), "{\"month\":\"2026-11\",\"providers\":");

        assertThatThrownBy(() -> ledger(new MovableClock(Instant.parse("2026-11-24T10:00:00Z"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("llm-spend.json");
    }
}
