package io.aegisrag.retrieval.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Markdown documents of an evaluation corpus, each with the title a user would give it when ingesting it. */
public final class EvaluationCorpus {

    /**
     * @param path  the document's path relative to the corpus, as questions name it
     * @param title the front matter's title and description, else the first heading, else the file name
     */
    public record CorpusDocument(String path, String title, String text) {
    }

    private static final int FRONT_MATTER_MAX_LINES = 100;

    private EvaluationCorpus() {
    }

    /** Every {@code .md} file under {@code corpus}, in path order. */
    public static List<CorpusDocument> read(Path corpus) {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted()
                    .map(file -> document(corpus, corpus.relativize(file).toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + corpus, e);
        }
    }

    /** The document at {@code path}, relative to {@code corpus}. */
    public static CorpusDocument document(Path corpus, String path) {
        try {
            String text = Files.readString(corpus.resolve(path));
            return new CorpusDocument(path, titleOf(path, text), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " in " + corpus, e);
        }
    }

    static String titleOf(String path, String text) {
        String title = null;
        String description = null;
        List<String> lines = text.lines().limit(FRONT_MATTER_MAX_LINES).toList();
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (String line : lines.subList(1, lines.size())) {
                if (line.strip().equals("---")) {
                    break;
                }
                if (line.startsWith("title:")) {
                    title = line.substring("title:".length()).strip();
                } else if (line.startsWith("description:")) {
                    description = line.substring("description:".length()).strip();
                }
            }
        }
        if (title == null) {
            title = lines.stream().filter(line -> line.startsWith("# ")).map(line -> line.substring(2).strip()).findFirst()
                    .orElse(Path.of(path).getFileName().toString().replaceFirst("\\.md$", ""));
        }
        return description == null ? title : title + ": " + description;
    }
}
