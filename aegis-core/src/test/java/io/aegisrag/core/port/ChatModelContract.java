package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ChatModel} adapter must do with the contexts it is given. */
public abstract class ChatModelContract {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");

    private ChatModel model;

    protected abstract ChatModel createModel() throws Exception;

    @BeforeEach
    void createChatModel() throws Exception {
        model = createModel();
    }

    protected static Context context(String text) {
        DocumentId id = DocumentId.random();
        return new Context(new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0), 0.1, Map.of(Retriever.VECTOR, new Context.RetrieverRank(1, 0.9)));
    }

    /** A prompt as the router builds it: the contexts numbered in the user message, the question last. */
    protected static Prompt prompt(String question, List<Context> contexts) {
        StringBuilder user = new StringBuilder(contexts.isEmpty() ? "There are no contexts.\n\n" : "Contexts:\n\n");
        for (int i = 0; i < contexts.size(); i++) {
            user.append('[').append(i + 1).append("] ").append(contexts.get(i).chunk().text()).append("\n\n");
        }
        user.append("Question: ").append(question);
        return new Prompt(question, contexts, "Answer from the contexts only, citing them as [n].", user.toString(), user.length() / 4);
    }

    private Answer answer(String question, List<Context> contexts) {
        return model.generate(prompt(question, contexts), null, TokenSink.NONE);
    }

    @Test
    void should_stream_the_answer_in_pieces_that_add_up_to_it() {
        RecordingSink sink = RecordingSink.reading();

        Answer answer = model.generate(prompt("Which language is Qdrant written in?", List.of(
                context("Lucene is a search library written in Java."),
                context("Qdrant is a vector database written in Rust."))), null, sink);

        assertThat(sink.pieces()).isNotEmpty();
        assertThat(sink.text()).isEqualTo(answer.text());
        assertThat(answer.cancelled()).isFalse();
        assertThat(answer.timeToFirstToken()).isNotNull();
    }

    @Test
    void should_stop_writing_when_the_reader_goes_away() {
        RecordingSink leavesAfterFirstPiece = RecordingSink.leavingAfter(1);

        Answer answer = model.generate(prompt("Which languages are Lucene and Qdrant written in?", List.of(
                context("Lucene is a search library written in Java."),
                context("Qdrant is a vector database written in Rust."))), null, leavesAfterFirstPiece);

        assertThat(leavesAfterFirstPiece.pieces()).hasSize(1);
        assertThat(answer.cancelled()).isTrue();
        assertThat(answer.text()).isEqualTo(leavesAfterFirstPiece.text());
    }

    @Test
    void should_cite_only_contexts_it_was_given() {
        List<Context> contexts = List.of(
                context("Lucene is a search library written in Java."),
                context("Qdrant is a vector database written in Rust."));

        Answer answer = answer("Which language is Qdrant written in?", contexts);

        Matcher citations = CITATION.matcher(answer.text());
        assertThat(citations.find()).as("the answer cites a context: %s", answer.text()).isTrue();
        do {
            assertThat(Integer.parseInt(citations.group(1))).isBetween(1, contexts.size());
        } while (citations.find());
    }

    @Test
    void should_answer_without_citations_when_there_are_no_contexts() {
        Answer answer = answer("What is the capital of Atlantis?", List.of());

        assertThat(answer.text()).isNotBlank().doesNotContainPattern(CITATION);
    }

    @Test
    void should_label_answers_with_its_own_provider_and_model() {
        Answer answer = answer("Which language is Lucene written in?", List.of(context("Lucene is written in Java.")));

        assertThat(answer.provider()).isEqualTo(model.provider()).isNotBlank();
        assertThat(answer.model()).isEqualTo(model.model()).isNotBlank();
        assertThat(answer.promptTokens()).isNotNegative();
        assertThat(answer.completionTokens()).isNotNegative();
    }
}
