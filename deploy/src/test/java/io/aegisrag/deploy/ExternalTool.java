package io.aegisrag.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool (promtool, amtool, docker-compose) from the Debian packages that
 * .ci/run installs. On a developer machine without the tool the test is skipped; under CI
 * (environment CI=true) a missing tool fails the test.
 */
public final class ExternalTool {

    /** What a finished command printed, with its exit code. */
    public record Result(int exitCode, String output) {
    }

    private ExternalTool() {
    }

    public static void require(String tool) {
        boolean found = isInstalled(tool);
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(tool + " is not installed; .ci/run must install it");
        }
        Assumptions.assumeTrue(found, tool + " is not installed (.ci/run installs it from Debian's packages)");
    }

    public static boolean isInstalled(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static Result run(Path workingDirectory, String... command) {
        require(command[0]);
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command[0], e);
        }
    }
}
