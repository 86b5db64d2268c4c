package it.io.aegisrag.coordinator;

import io.aegisrag.cli.Aegis;
import io.aegisrag.retrieval.testing.SampleFiles;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line client against the running server: a folder ingested with its progress and summary, a question answered as a stream. */
class CliIT {

    @TempDir
    Path root;

    private final String run = "cli-" + System.nanoTime();

    /** The client's exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run aegis(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Aegis()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void deleteWhatItIngested() {
        for (JsonObject item : AegisClient.get("/api/v1/documents?limit=100").json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            if (item.getString("source").startsWith(run + "/")) {
                AegisClient.delete("/api/v1/documents/" + item.getString("document_id"));
            }
        }
    }

    @Test
    void should_ingest_a_folder_summarise_it_skip_it_the_second_time_and_answer_from_it() throws IOException {
        Path folder = Files.createDirectories(root.resolve(run));
        byte[] pdf = SampleFiles.pdf("Lantern guide", null, "Lanterns of Vellmoor are lit at dusk.", "The Vellmoor lamplighter carries a brass hook.");
        Files.write(folder.resolve("guide.pdf"), pdf);
        Files.writeString(folder.resolve("notes.md"), "# Notes\n\nVellmoor has forty lanterns.");
        Files.write(folder.resolve("runbook.docx"), SampleFiles.docx("# Runbook", "Refill the Vellmoor lanterns on Sundays."));
        Files.write(folder.resolve("broken.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
        String[] connection = {"--url", AegisClient.BASE.toString(), "--api-key", AegisClient.ADMIN_KEY};

        Run first = aegis(concat(new String[]{"ingest", root.toString(), "--batch-files", "2"}, connection));
        Run second = aegis(concat(new String[]{"ingest", root.toString()}, connection));
        Run asked = aegis(concat(new String[]{"ask", "What does the Vellmoor lamplighter carry?"}, connection));

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).as(first.err()).containsPattern("ingested\\s+3\\s+4").containsPattern("failed\\s+1\\s+0")
                .contains("failed files:").contains(run + "/broken.pdf  " + run + "/broken.pdf: not a readable PDF");
        assertThat(second.out()).as(second.err()).containsPattern("skipped\\s+3\\s+0");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).as(asked.err()).contains("brass hook").contains("[1] Lantern guide").contains("page 2").contains(run + "/guide.pdf");
    }

    @Test
    void should_say_when_the_service_cannot_be_reached_or_refuses_the_key() {
        Run unreachable = aegis("ask", "Anyone there?", "--url", "http://127.0.0.1:1", "--api-key", "x");
        Run refused = aegis("ask", "Anyone there?", "--url", AegisClient.BASE.toString(), "--api-key", "not-a-key");

        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("could not reach http://127.0.0.1:1");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("401");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
