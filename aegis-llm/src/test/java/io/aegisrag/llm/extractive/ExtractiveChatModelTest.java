package io.aegisrag.llm.extractive;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.core.port.ChatModelContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveChatModelTest extends ChatModelContract {

    private final ExtractiveChatModel model = new ExtractiveChatModel();

    @Override
    protected ChatModel createModel() {
        return new ExtractiveChatModel();
    }

    private Answer answer(String question, List<Context> contexts) {
        return model.generate(prompt(question, contexts), null, TokenSink.NONE);
    }

    @Test
    void should_answer_with_the_best_matching_sentence_and_cite_its_context() {
        Answer answer = answer("Which language is Qdrant written in?", List.of(
                context("Lucene is a search library written in Java. It has BM25."),
                context("Qdrant is a vector database written in Rust. It stores payloads.")));

        assertThat(answer.text()).isEqualTo("Qdrant is a vector database written in Rust. [2]");
    }

    @Test
    void should_break_sentences_after_a_stop_followed_by_white_space_and_at_line_breaks_only() {
        assertThat(ExtractiveChatModel.sentencesOf("Use fs.readFile() here. Or not!  Why?\tBecause\n\n- a list item\nv1.2 stays"))
                .containsExactly("Use fs.readFile() here.", "Or not!", "Why?", "Because", "- a list item", "v1.2 stays");
        assertThat(ExtractiveChatModel.sentencesOf("Ends here.\n\n")).containsExactly("Ends here.", "");
    }

    @Test
    void should_keep_sentences_from_several_contexts_in_context_order() {
        Answer answer = answer("How are vectors indexed with HNSW?", List.of(
                context("Lucene indexes vectors with HNSW graphs."),
                context("Qdrant also indexes vectors with HNSW."),
                context("Bananas are yellow.")));

        assertThat(answer.text()).isEqualTo("Lucene indexes vectors with HNSW graphs. [1] Qdrant also indexes vectors with HNSW. [2]");
    }

    @Test
    void should_quote_the_first_sentence_of_the_best_context_when_no_word_matches() {
        Answer answer = answer("zzz?", List.of(context("First sentence. Second sentence.")));

        assertThat(answer.text()).isEqualTo("First sentence. [1]");
    }

    @Test
    void should_strip_markdown_markers_from_quoted_sentences() {
        Answer answer = answer("install steps", List.of(context("## Install steps\n- Run the install script.")));

        assertThat(answer.text()).startsWith("Install steps [1]");
    }

    @Test
    void should_say_so_when_there_is_nothing_to_answer_from() {
        assertThat(answer("anything", List.of()).text()).isEqualTo(ExtractiveChatModel.NO_CONTEXT_ANSWER);
    }
}
