package io.aegisrag.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's deploy/ folder from whichever module a test runs in. */
public final class DeployFiles {

    private DeployFiles() {
    }

    public static Path deploy() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy");
            if (Files.isRegularFile(candidate.resolve("prometheus/alerts.yml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/prometheus/alerts.yml above " + Path.of("").toAbsolutePath());
    }

    public static Path resolve(String relative) {
        return deploy().resolve(relative);
    }
}
