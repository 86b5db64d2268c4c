package io.aegisrag.coordinator.rest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.testing.TimeBound;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided: any body is either read field by field or refused with a 400 naming the
 * field, never another failure, within the time bound.
 */
class JsonFieldsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void should_read_or_refuse_any_body_within_the_time_bound(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        TimeBound.within(Duration.ofSeconds(1), () -> {
            try {
                JsonFields fields = JsonFields.parse(body);
                fields.string("query");
                fields.integer("top_k");
                fields.strings("metadata");
            } catch (InvalidInputException refused) {
                assertThat(refused.field()).satisfiesAnyOf(
                        field -> assertThat(field).isIn("body", "query", "top_k"),
                        field -> assertThat(field).startsWith("metadata"));
            }
            return null;
        });
    }
}
