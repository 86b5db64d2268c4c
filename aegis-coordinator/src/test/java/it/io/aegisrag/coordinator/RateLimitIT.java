package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The test server allows each key it.rate.limit queries a minute; this test spends the reader key's. */
class RateLimitIT {

    private static final int LIMIT = Integer.getInteger("it.rate.limit", 300);

    private static AegisClient.Reply queryAsReader() {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"rate\",\"mode\":\"vector\",\"top_k\":1}")), "it-reader-key");
    }

    @Test
    void should_answer_429_with_retry_after_once_a_key_has_spent_its_minute_and_leave_other_keys_alone() {
        PrometheusScrape before = AegisClient.scrape();
        AegisClient.Reply last = null;
        int answered = 0;
        for (int i = 0; i < 2 * LIMIT && (last == null || last.status() == 200); i++) {
            last = queryAsReader();
            answered += last.status() == 200 ? 1 : 0;
        }

        assertThat(answered).as("a minute's worth at once, and what refilled while they ran").isBetween(LIMIT, 2 * LIMIT - 1);
        assertThat(last.status()).as(last.body()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.json().getString("error_type")).isEqualTo("rate_limited");
        assertThat(last.retryAfter()).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(AegisClient.query("Is the admin key still served?").status()).isEqualTo(200);
        assertThat(AegisClient.scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "rate_limited"))).isEqualTo(1);
    }
}
