package io.aegisrag.coordinator.memory;

import io.aegisrag.coordinator.testing.ScriptedChain;
import io.aegisrag.coordinator.testing.ScriptedChain.ReplyingModel;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.llm.extractive.ExtractiveChatModel;
import io.aegisrag.retrieval.graph.LlmEntitySummarizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LlmEntitySummarizerTest {

    private static final List<String> STATEMENTS = List.of("Alice joined Globex", "Alice lives in Lyon");

    @TempDir
    Path dir;

    @Test
    void should_ask_the_model_with_the_entity_and_its_statements_and_take_its_plain_reply() {
        ReplyingModel model = new ReplyingModel(null, "  Alice works at Globex\n  and lives in Lyon.  ");

        assertThat(new LlmEntitySummarizer(ScriptedChain.router(dir, model)).summarize("Alice", STATEMENTS))
                .contains("Alice works at Globex and lives in Lyon.");
        assertThat(model.asked()).singleElement().satisfies(prompt -> {
            assertThat(prompt.system()).contains("summary of an entity");
            assertThat(prompt.user()).contains("Entity: Alice").contains("- Alice joined Globex\n- Alice lives in Lyon");
        });
    }

    @Test
    void should_ask_again_only_when_what_memory_believes_changed() {
        ReplyingModel model = new ReplyingModel(null, "Alice is at Globex.", "Alice is at Initech.");
        LlmEntitySummarizer summarizer = new LlmEntitySummarizer(ScriptedChain.router(dir, model));

        assertThat(summarizer.summarize("Alice", STATEMENTS)).contains("Alice is at Globex.");
        assertThat(summarizer.summarize("Alice", STATEMENTS)).contains("Alice is at Globex.");
        assertThat(model.asked()).hasSize(1);
        assertThat(summarizer.summarize("Alice", List.of("Alice joined Initech", "Alice lives in Lyon"))).contains("Alice is at Initech.");
        assertThat(model.asked()).hasSize(2);
    }

    @Test
    void should_bound_the_prompt_and_the_summary() {
        List<String> many = IntStream.range(0, 40).mapToObj(i -> "Alice met Person" + i).toList();
        ReplyingModel model = new ReplyingModel(null, "word ".repeat(500));

        assertThat(new LlmEntitySummarizer(ScriptedChain.router(dir, model)).summarize("Alice", many))
                .hasValueSatisfying(summary -> assertThat(summary).hasSize(LlmEntitySummarizer.SUMMARY_CHARS).endsWith("…"));
        assertThat(model.asked().get(0).user()).contains("Alice met Person29").doesNotContain("Person30").contains("(and 10 more)");
    }

    @Test
    void should_write_nothing_without_statements_or_when_no_model_answers_or_the_chain_ends_at_the_extractive_model() {
        ReplyingModel unasked = new ReplyingModel(null, "Alice.");
        assertThat(new LlmEntitySummarizer(ScriptedChain.router(dir, unasked)).summarize("Alice", List.of())).isEmpty();
        assertThat(unasked.asked()).isEmpty();
        assertThat(new LlmEntitySummarizer(ScriptedChain.router(dir, new ReplyingModel(LlmFailure.UNAVAILABLE))).summarize("Alice", STATEMENTS))
                .isEmpty();
        assertThat(new LlmEntitySummarizer(ScriptedChain.router(dir, new ReplyingModel(LlmFailure.TIMEOUT), new ExtractiveChatModel()))
                .summarize("Alice", STATEMENTS)).isEmpty();
    }
}
