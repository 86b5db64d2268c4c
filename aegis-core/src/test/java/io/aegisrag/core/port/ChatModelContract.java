package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.llm.Answer;
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

    @Test
    void should_cite_only_contexts_it_was_given() {
        List<Context> contexts = List.of(
                context("Lucene is a search library written in Java."),
                context("Qdrant is a vector database written in Rust."));

        Answer answer = model.answer("Which language is Qdrant written in?", contexts);

        Matcher citations = CITATION.matcher(answer.text());
        assertThat(citations.find()).as("the answer cites a context: %s", answer.text()).isTrue();
        do {
            assertThat(Integer.parseInt(citations.group(1))).isBetween(1, contexts.size());
        } while (citations.find());
    }

    @Test
    void should_answer_without_citations_when_there_are_no_contexts() {
        Answer answer = model.answer("What is the capital of Atlantis?", List.of());

        assertThat(answer.text()).isNotBlank().doesNotContainPattern(CITATION);
    }

    @Test
    void should_label_answers_with_its_own_provider_and_model() {
        Answer answer = model.answer("Which language is Lucene written in?", List.of(context("Lucene is written in Java.")));

        assertThat(answer.provider()).isEqualTo(model.provider()).isNotBlank();
        assertThat(answer.model()).isEqualTo(model.model()).isNotBlank();
        assertThat(answer.promptTokens()).isNotNegative();
        assertThat(answer.completionTokens()).isNotNegative();
    }
}
