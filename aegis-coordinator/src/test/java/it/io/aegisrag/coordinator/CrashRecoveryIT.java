package it.io.aegisrag.coordinator;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.retrieval.testing.SampleFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the Liberty JVM with SIGKILL while documents are being ingested, starts it again, and checks
 * that the index, the graph and memory agree: every acknowledged document is there, and memory holds
 * an episode for exactly the documents the index holds.
 */
class CrashRecoveryIT {

    private static final Path WLP = Path.of("target", "liberty", "wlp");
    private static final Path JOURNAL = Path.of(System.getProperty("it.data.dir", "target/it-data"), "memory", "facts.jsonl");

    private static ProcessHandle liberty() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains("ws-server.jar") && line.contains("aegisServer")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no running aegisServer"));
    }

    private static String document(int n) {
        return ("{\"title\":\"Crash %d\",\"source\":\"crash-%d.md\",\"text\":\"# Crash %d\\n\\nZebraStore%d keeps vectors for Open Liberty."
                + " Lucene indexes them in HNSW graphs.\\n\\n## Recovery\\n\\nAfter a crash, Crash%d must be whole or absent.\"}")
                .formatted(n, n, n, n, n);
    }

    @Test
    void should_keep_index_graph_and_memory_in_agreement_when_the_jvm_is_killed_during_ingestion() throws Exception {
        ProcessHandle server = liberty();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int n = 0; n < 500 && !stop.get(); n++) {
                try {
                    AegisClient.Reply reply = AegisClient.post("/api/v1/documents", "application/json", document(n));
                    if (reply.status() == 201) {
                        acknowledged.add(reply.json().getString("document_id"));
                    }
                } catch (RuntimeException serverGone) {
                    return;
                }
            }
        });
        writer.start();
        waitUntil(Duration.ofSeconds(60), () -> acknowledged.size() >= 5);

        server.destroyForcibly();
        server.onExit().get(60, TimeUnit.SECONDS);
        stop.set(true);
        writer.join(Duration.ofSeconds(60).toMillis());
        start();

        Set<String> stored = new HashSet<>();
        long chunks = 0;
        for (int offset = 0; ; offset += 100) {
            JsonObject page = AegisClient.get("/api/v1/documents?limit=100&offset=" + offset).json();
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(item -> stored.add(item.getString("document_id")));
            for (JsonObject item : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                chunks += item.getInt("chunks");
            }
            if (offset + 100 >= page.getInt("total")) {
                break;
            }
        }
        assertThat(stored).containsAll(acknowledged);
        assertThat(AegisClient.scrape().value("aegis_vector_points_count", Map.of("store", "lucene"))).isEqualTo(chunks);
        assertThat(documentEpisodesInJournal()).isEqualTo(stored);
        String last = acknowledged.get(acknowledged.size() - 1);
        JsonObject answer = AegisClient.postJson("/api/v1/query", Json.createObjectBuilder()
                .add("query", "How is ZebraStore" + (acknowledged.size() - 1) + " related to Open Liberty?").add("mode", "graph").build()).json();
        assertThat(answer.getJsonArray("sources").getValuesAs(JsonObject.class))
                .extracting(source -> source.getString("document_id")).contains(last);
    }

    @Test
    void should_resume_a_bulk_ingestion_job_after_the_jvm_is_killed_with_every_file_stored_once() throws Exception {
        String run = Long.toString(System.nanoTime());
        List<Map.Entry<String, byte[]>> files = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            files.add(Map.entry("job-" + run + "/" + n + ".md", ("# Resume " + n + "\n\nFile " + n + " of run " + run
                    + " tells of Quorvane" + n + ", a harbour crane.").getBytes(StandardCharsets.UTF_8)));
        }
        ProcessHandle server = liberty();
        String jobId = IngestionJobsIT.postFiles("", List.of(Map.entry("job.zip", SampleFiles.zip(files))))
                .json().getString("job_id");
        waitUntil(Duration.ofSeconds(60), () -> done(jobId) >= 3);

        server.destroyForcibly();
        server.onExit().get(60, TimeUnit.SECONDS);
        start();

        waitUntil(Duration.ofMinutes(3), () -> AegisClient.get("/api/v1/ingestions/" + jobId).json().getString("state").equals("completed"));
        JsonObject job = AegisClient.get("/api/v1/ingestions/" + jobId).json();
        assertThat(job.getJsonObject("documents").getInt("ingested")).isEqualTo(100);
        List<String> sources = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonObject page = AegisClient.get("/api/v1/documents?limit=100&offset=" + offset).json();
            page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item -> item.getString("source"))
                    .filter(source -> source.startsWith("job-" + run + "/")).forEach(sources::add);
            if (offset + 100 >= page.getInt("total")) {
                break;
            }
        }
        assertThat(sources).as("every file once").hasSize(100).doesNotHaveDuplicates();
        job.getJsonArray("files").getValuesAs(JsonObject.class)
                .forEach(file -> AegisClient.delete("/api/v1/documents/" + file.getString("document_id")));
    }

    private static int done(String jobId) {
        return AegisClient.get("/api/v1/ingestions/" + jobId).json().getJsonObject("documents").getInt("done");
    }

    /**
     * The documents' episodes the memory journal holds: recorded (or, in a journal compacted at
     * start-up, adopted) and not forgotten since. Episodes of
     * conversations (other tests post them) are named apart and are not documents'.
     */
    private static Set<String> documentEpisodesInJournal() throws IOException {
        Set<String> episodes = new HashSet<>();
        for (String line : Files.readAllLines(JOURNAL, StandardCharsets.UTF_8)) {
            JsonObject entry = Json.createReader(new StringReader(line)).readObject();
            if (entry.containsKey("episode")) {
                episodes.add(entry.getString("episode"));
            } else if (entry.containsKey("adopt")) {
                episodes.add(entry.getString("adopt"));
            } else if (entry.containsKey("forget")) {
                episodes.remove(entry.getString("forget"));
            }
        }
        episodes.removeIf(episode -> !DocumentId.isWellFormed(episode));
        return episodes;
    }

    private static void start() throws Exception {
        Process start = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", "aegisServer")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(start.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(start.exitValue()).isZero();
        waitUntil(Duration.ofMinutes(5), () -> {
            try {
                return AegisClient.get("/health/ready").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
