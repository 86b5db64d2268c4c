package io.aegisrag.core.port;

import io.aegisrag.core.memory.Turn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ShortTermMemory} adapter must do. {@link #createMemory} builds one that keeps at
 * most {@link #MAX_TURNS} turns a session.
 */
public abstract class ShortTermMemoryContract {

    protected static final int MAX_TURNS = 3;

    protected ShortTermMemory memory;

    protected abstract ShortTermMemory createMemory() throws Exception;

    @BeforeEach
    void createShortTermMemory() throws Exception {
        memory = createMemory();
    }

    protected static String session() {
        return "s-" + UUID.randomUUID();
    }

    protected static Turn turn(String question) {
        return new Turn(question, "answer to " + question + " [1]", List.of(new Turn.Source("doc#0", "Doc ü")),
                Instant.parse("2026-11-24T10:15:30.123Z"));
    }

    @Test
    void should_give_back_the_turns_of_a_session_oldest_first_whole() {
        String session = session();
        memory.append(session, turn("one"));
        memory.append(session, turn("two"));

        assertThat(memory.recent(session, 10)).containsExactly(turn("one"), turn("two"));
        assertThat(memory.recent(session, 1)).containsExactly(turn("two"));
    }

    @Test
    void should_keep_only_the_most_recent_turns_of_a_session_and_keep_sessions_apart() {
        String session = session();
        String other = session();
        for (String question : List.of("a", "b", "c", "d")) {
            memory.append(session, turn(question));
        }
        memory.append(other, turn("other"));

        assertThat(memory.recent(session, 10)).extracting(Turn::question).containsExactly("b", "c", "d");
        assertThat(memory.recent(other, 10)).extracting(Turn::question).containsExactly("other");
        assertThat(memory.recent(session(), 10)).isEmpty();
    }

    @Test
    void should_forget_a_session_and_say_whether_there_was_one() {
        String session = session();
        memory.append(session, turn("one"));

        assertThat(memory.forget(session)).isTrue();
        assertThat(memory.recent(session, 10)).isEmpty();
        assertThat(memory.forget(session)).isFalse();
    }

    @Test
    void should_answer_its_probe() {
        assertThat(memory.isAvailable()).isTrue();
    }
}
