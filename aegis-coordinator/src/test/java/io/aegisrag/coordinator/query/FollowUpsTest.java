package io.aegisrag.coordinator.query;

import io.aegisrag.core.memory.Turn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

    private static final List<Turn> HISTORY = List.of(
            new Turn("What is Lucene?", "A search library [1]", List.of(), Instant.EPOCH),
            new Turn("Which eviction policy removes the least recently used keys?", "allkeys-lru [1]", List.of(), Instant.EPOCH));

    @ParameterizedTest
    @ValueSource(strings = {"And how do I change it?", "What about its default?", "How do I turn that off?", "Why?", "Defaults?",
            "how about for Redis Cluster", "Can they be combined with volatile keys?"})
    void should_join_a_question_that_follows_up_to_the_previous_question(String question) {
        assertThat(FollowUps.resolve(question, HISTORY))
                .isEqualTo("Which eviction policy removes the least recently used keys? " + question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"How does Lucene store vectors on disk?", "Which Java client talks to Redis?", "Iterate datasets sorted by timestamp"})
    void should_leave_a_question_that_stands_alone(String question) {
        assertThat(FollowUps.resolve(question, HISTORY)).isEqualTo(question);
    }

    @Test
    void should_leave_every_question_alone_without_a_conversation() {
        assertThat(FollowUps.resolve("And how do I change it?", List.of())).isEqualTo("And how do I change it?");
    }

    @Test
    void should_read_a_long_question_in_linear_time() {
        String longQuestion = "word ".repeat(200_000) + "it";

        assertThat(FollowUps.followsUp(longQuestion)).isTrue();
        assertThat(FollowUps.followsUp("word ".repeat(200_000))).isFalse();
    }
}
