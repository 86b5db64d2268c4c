package io.aegisrag.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The documents under a folder that the service reads, by extension, hidden files and folders left out, in path order. */
final class DocumentFiles {

    private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "pptx", "html", "htm", "xhtml", "md", "markdown", "txt", "zip");

    private DocumentFiles() {
    }

    static List<Path> under(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(folder.relativize(file)))
                    .filter(file -> EXTENSIONS.contains(extension(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the folder " + folder, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
