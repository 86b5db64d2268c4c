package io.aegisrag.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar run with {@code java -jar}: it holds everything it needs, JSON included. */
class RunnableJarIT {

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("cli.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + "\n" + output;
    }

    @Test
    void should_ask_a_service_that_is_down_and_say_so_rather_than_fail_on_a_missing_library() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        String asked = run("ask", "Anyone there?", "--url", "http://127.0.0.1:" + closed);

        assertThat(asked).startsWith("3\n").contains("could not reach http://127.0.0.1:" + closed).doesNotContain("JsonException").doesNotContain("\tat ");
        assertThat(run("--version")).startsWith("0\n").contains("aegis 0.1.0");
    }
}
