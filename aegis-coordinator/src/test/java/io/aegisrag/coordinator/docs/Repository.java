package io.aegisrag.coordinator.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the source tree the tests run in: the directory above this module's that holds README.md. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        Path module = Path.of("").toAbsolutePath();
        for (Path directory = module; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("README.md")) && Files.isDirectory(directory.resolve("docs"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no README.md with docs/ beside it above " + module);
    }
}
