package io.aegisrag.coordinator.graph;

import io.aegisrag.coordinator.testing.ScriptedChain.ReplyingModel;
import io.aegisrag.coordinator.testing.ScriptedChain;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.llm.extractive.ExtractiveChatModel;
import io.aegisrag.retrieval.graph.LlmCommunitySummarizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LlmCommunitySummarizerTest {

    private static final List<Entity> CURIES = List.of(Entity.named("Marie Curie", "person"), Entity.named("Pierre Curie", "person"),
            Entity.named("Paris", "place"));
    private static final List<String> STATEMENTS = List.of("Marie Curie worked with Pierre Curie in Paris.", "Pierre Curie was born in Paris.");

    @TempDir
    Path dir;

    @Test
    void should_ask_the_model_with_the_members_and_statements_and_take_its_plain_reply() {
        ReplyingModel model = new ReplyingModel(null, "  The Curies worked\n   together in Paris.  ");

        assertThat(new LlmCommunitySummarizer(ScriptedChain.router(dir, model)).summarize(CURIES, STATEMENTS))
                .contains("The Curies worked together in Paris.");
        assertThat(model.asked()).singleElement().satisfies(prompt -> {
            assertThat(prompt.system()).contains("community of a knowledge graph");
            assertThat(prompt.user()).contains("Marie Curie (person), Pierre Curie (person), Paris (place)")
                    .contains("- Pierre Curie was born in Paris.");
            assertThat(prompt.outputSchema()).isNull();
        });
    }

    @Test
    void should_ask_once_for_the_same_community_the_reply_being_cached() {
        ReplyingModel model = new ReplyingModel(null, "The Curies.");
        LlmCommunitySummarizer summarizer = new LlmCommunitySummarizer(ScriptedChain.router(dir, model));

        assertThat(summarizer.summarize(CURIES, STATEMENTS)).isEqualTo(summarizer.summarize(CURIES, STATEMENTS)).contains("The Curies.");
        assertThat(model.asked()).hasSize(1);
    }

    @Test
    void should_bound_the_prompt_and_the_summary_of_a_large_community() {
        List<Entity> many = IntStream.range(0, 45).mapToObj(i -> Entity.named("Member" + i, "concept")).toList();
        ReplyingModel model = new ReplyingModel(null, "word ".repeat(1000));

        assertThat(new LlmCommunitySummarizer(ScriptedChain.router(dir, model)).summarize(many, List.of("x".repeat(2000))))
                .hasValueSatisfying(summary -> assertThat(summary).hasSize(LlmCommunitySummarizer.SUMMARY_CHARS).endsWith("…"));
        assertThat(model.asked().get(0).user()).contains("Member19 (concept) and 25 more").doesNotContain("Member20")
                .contains("x".repeat(LlmCommunitySummarizer.STATEMENT_CHARS - 1) + "…");
    }

    @Test
    void should_write_nothing_when_no_model_answers_or_the_chain_ends_at_the_extractive_model() {
        assertThat(new LlmCommunitySummarizer(ScriptedChain.router(dir, new ReplyingModel(LlmFailure.UNAVAILABLE))).summarize(CURIES, STATEMENTS))
                .isEmpty();
        assertThat(new LlmCommunitySummarizer(ScriptedChain.router(dir, new ReplyingModel(LlmFailure.TIMEOUT), new ExtractiveChatModel()))
                .summarize(CURIES, STATEMENTS)).isEmpty();
        assertThat(new LlmCommunitySummarizer(ScriptedChain.router(dir, new ReplyingModel(null, "   "))).summarize(CURIES, STATEMENTS))
                .isEmpty();
    }
}
