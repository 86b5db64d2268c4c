package io.aegisrag.coordinator.query;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.testing.TimeBound;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage-guided: every question gets an intent, within the time bound. */
class IntentClassifierFuzzTest {

    private final IntentClassifier classifier = new IntentClassifier();

    @FuzzTest(maxDuration = "10m")
    void should_classify_any_question_within_the_time_bound(String question) {
        if (question == null) {
            return;
        }
        Intent intent = TimeBound.within(Duration.ofSeconds(1), () -> classifier.classify(question));

        assertThat(intent).isNotNull();
    }
}
