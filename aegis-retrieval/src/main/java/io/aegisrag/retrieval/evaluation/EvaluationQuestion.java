package io.aegisrag.retrieval.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A question whose answer sits in one known passage of one document. A chunk answers it when the
 * chunk's text contains the passage, compared without case, Markdown emphasis or code marks, and with
 * runs of whitespace as one space (the passage may be quoted from anywhere the same text appears).
 *
 * @param document the document the passage is quoted from, as a path relative to the corpus
 * @param passage  a sentence or clause of that document that answers the question
 * @param question the question, worded unlike the passage
 */
public record EvaluationQuestion(String document, String passage, String question) {

    /**
     * Reads a question set: one question a line, {@code document<TAB>passage<TAB>question}; blank
     * lines and lines starting with {@code #} are skipped.
     */
    public static List<EvaluationQuestion> read(Path tsv) {
        try {
            return Files.readAllLines(tsv).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(EvaluationQuestion::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions in " + tsv, e);
        }
    }

    private static EvaluationQuestion parse(String line) {
        String[] fields = line.split("\t");
        if (fields.length != 3) {
            throw new IllegalArgumentException("a question line needs document, passage and question separated by tabs: " + line);
        }
        return new EvaluationQuestion(fields[0].strip(), fields[1].strip(), fields[2].strip());
    }

    /** Whether {@code text} contains this question's passage. */
    public boolean isAnsweredBy(String text) {
        return normalise(text).contains(normalise(passage));
    }

    static String normalise(String text) {
        StringBuilder normal = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '`') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = !normal.isEmpty();
                continue;
            }
            if (space) {
                normal.append(' ');
                space = false;
            }
            normal.append(c);
        }
        return normal.toString().toLowerCase(Locale.ROOT);
    }
}
