package io.aegisrag.llm.prompt;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptBuilderTest {

    private static Context context(String section, String text) {
        DocumentId id = DocumentId.random();
        return new Context(new Chunk(Chunk.idOf(id, 0), id, "Guide", "guide.md", section, text, 0), 0.1,
                Map.of(Retriever.BM25, new Context.RetrieverRank(1, 2.0)));
    }

    @Test
    void should_number_the_contexts_in_order_with_their_heading_and_end_with_the_question() {
        Prompt prompt = new PromptBuilder(4096, 256).build("Where?", List.of(context("Install", "Run it."), context("", "Stop it.")));

        assertThat(prompt.user()).containsSubsequence("[1] Guide > Install\nRun it.", "[2] Guide\nStop it.", "Question: Where?");
        assertThat(prompt.system()).contains("only").contains("[1]");
        assertThat(prompt.contexts()).hasSize(2);
        assertThat(prompt.estimatedTokens()).isEqualTo(PromptBuilder.estimateTokens(prompt.system()) + PromptBuilder.estimateTokens(prompt.user()));
    }

    @Test
    void should_leave_out_whole_contexts_from_the_first_that_does_not_fit_the_window() {
        String fourHundredTokens = "word ".repeat(320);
        List<Context> contexts = List.of(context("a", fourHundredTokens), context("b", fourHundredTokens), context("c", "short"));

        Prompt prompt = new PromptBuilder(1200, 300).build("Which?", contexts);

        assertThat(prompt.contexts()).containsExactly(contexts.get(0));
        assertThat(prompt.user()).contains("[1] Guide > a").doesNotContain("[2]").doesNotContain("short");
        assertThat(prompt.estimatedTokens()).isLessThanOrEqualTo(1200 - 300);
    }

    @Test
    void should_say_so_when_there_is_no_context() {
        Prompt prompt = new PromptBuilder(4096, 256).build("Anything?", List.of());

        assertThat(prompt.user()).contains("no contexts").endsWith("Question: Anything?\nAnswer with citations:");
    }

    @Test
    void should_refuse_an_answer_share_that_leaves_no_room() {
        assertThatThrownBy(() -> new PromptBuilder(512, 512)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
    }
}
