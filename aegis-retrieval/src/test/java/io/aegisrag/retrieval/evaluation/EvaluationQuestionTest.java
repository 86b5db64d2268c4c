package io.aegisrag.retrieval.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationQuestionTest {

    @Test
    void should_find_the_passage_whatever_the_case_emphasis_code_marks_and_line_breaks() {
        EvaluationQuestion question = new EvaluationQuestion("config.md",
                "Dependencies saved to package.json will be configured with an *exact* version", "How do I pin?");

        assertThat(question.isAnsweredBy("Intro.\nDependencies saved to `package.json` will be\nconfigured with an **exact** version rather"))
                .isTrue();
        assertThat(question.isAnsweredBy("Dependencies saved to package.json will be configured with a range")).isFalse();
    }

    @Test
    void should_read_a_question_set_and_refuse_a_line_without_three_fields(@TempDir Path directory) throws Exception {
        Path tsv = Files.writeString(directory.resolve("q.tsv"), "# document\tpassage\tquestion\n\na.md\tthe passage\tthe question?\n");

        assertThat(EvaluationQuestion.read(tsv)).containsExactly(new EvaluationQuestion("a.md", "the passage", "the question?"));

        Files.writeString(tsv, "a.md\tonly a passage\n");
        assertThatThrownBy(() -> EvaluationQuestion.read(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a passage");
    }
}
