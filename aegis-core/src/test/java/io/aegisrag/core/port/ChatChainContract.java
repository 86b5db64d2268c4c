package io.aegisrag.core.port;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.Prompt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ChatChain} does: the whole answer of its first provider that answers, the word
 * that the chain fell through to the extractive model when no language model could answer, and an
 * {@link LlmException} when nobody answered.
 */
public abstract class ChatChainContract {

    private static final Prompt PROMPT = new Prompt("Which port does Liberty listen on?", List.of(), "Answer in one sentence.",
            "Which port does Liberty listen on?", 20);

    /** A chain whose first provider, a language model, answers every prompt with {@code reply}. */
    protected abstract ChatChain answering(String reply) throws Exception;

    /** A chain whose language model fails and whose last provider is the extractive model. */
    protected abstract ChatChain fallingThroughToExtractive() throws Exception;

    /** A chain none of whose providers answers. */
    protected abstract ChatChain answeringNobody() throws Exception;

    @Test
    void should_give_the_whole_answer_of_the_first_provider_that_answers() throws Exception {
        Answer answer = answering("Liberty listens on 9080.").complete(PROMPT);

        assertThat(answer.text()).isEqualTo("Liberty listens on 9080.");
        assertThat(answer.provider()).isNotEqualTo(ChatChain.EXTRACTIVE);
        assertThat(answer.cancelled()).isFalse();
    }

    @Test
    void should_say_when_it_fell_through_to_the_extractive_model() throws Exception {
        assertThat(fallingThroughToExtractive().complete(PROMPT).provider()).isEqualTo(ChatChain.EXTRACTIVE);
    }

    @Test
    void should_throw_an_llm_exception_when_no_provider_answers() throws Exception {
        ChatChain chain = answeringNobody();

        assertThatThrownBy(() -> chain.complete(PROMPT)).isInstanceOf(LlmException.class);
    }
}
