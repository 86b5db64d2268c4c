package io.aegisrag.coordinator.protocol;

import io.aegisrag.coordinator.rest.JsonFields;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.memory.Turn;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatMessagesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static ChatMessages read(String messages) {
        return ChatMessages.of(JsonFields.parse("{\"messages\":" + messages + "}"), "messages", NOW);
    }

    @Test
    void should_take_the_last_user_message_as_the_question_and_earlier_exchanges_as_turns() {
        ChatMessages chat = read("""
                [{"role":"system","content":"Be brief."},
                 {"role":"user","content":"What is HNSW?"},{"role":"assistant","content":"A graph index. [1]"},
                 {"role":"user","content":"Who wrote Lucene?"},{"role":"assistant","content":"Doug Cutting. [1]"},
                 {"role":"user","content":"and its default?"}]""");

        assertThat(chat.question()).isEqualTo("and its default?");
        assertThat(chat.history()).extracting(Turn::question).containsExactly("What is HNSW?", "Who wrote Lucene?");
        assertThat(chat.history()).extracting(Turn::answer).containsExactly("A graph index. [1]", "Doug Cutting. [1]");
        assertThat(chat.history()).extracting(Turn::at).containsOnly(NOW);
    }

    @Test
    void should_join_the_text_parts_of_a_content_array_and_skip_the_others() {
        ChatMessages chat = read("""
                [{"role":"user","content":[{"type":"text","text":"What does maxConn"},{"type":"image_url","image_url":{"url":"x"}},
                                           {"type":"text","text":"control?"}]}]""");

        assertThat(chat.question()).isEqualTo("What does maxConn\ncontrol?");
        assertThat(chat.history()).isEmpty();
    }

    @Test
    void should_keep_no_turn_for_a_user_message_without_a_reply() {
        assertThat(read("[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"user\",\"content\":\"second\"}]").history()).isEmpty();
    }

    @Test
    void should_name_the_message_at_fault() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages");
        assertThatThrownBy(() -> read("{}")).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages");
        assertThatThrownBy(() -> read("[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages[1].role");
        assertThatThrownBy(() -> read("[{\"role\":\"king\",\"content\":\"q\"}]"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages[0].role");
        assertThatThrownBy(() -> read("[{\"role\":\"user\",\"content\":42}]"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages[0].content");
        assertThatThrownBy(() -> read("[{\"role\":\"user\",\"content\":\"  \"}]"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages[0].content");
        assertThatThrownBy(() -> read("[\"hello\"]"))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("messages[0]");
    }
}
