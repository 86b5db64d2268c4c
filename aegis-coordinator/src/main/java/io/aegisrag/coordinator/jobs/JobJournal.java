package io.aegisrag.coordinator.jobs;

import io.aegisrag.coordinator.ingest.IngestionStage;
import io.aegisrag.coordinator.ingest.IngestionStatus;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Jobs on disk, one folder each under {@code root}: the uploaded files ({@code files/<index>}) and
 * {@code journal.jsonl}, whose first line lists the files and whose next lines say what became of
 * each file and how the job ended, each line forced to disk. A job's folder is written under a
 * temporary name and renamed once whole, so a crash while a job is created leaves no half job. A
 * finished job's files are deleted; its journal stays, so its status outlives a restart.
 */
final class JobJournal {

    private static final Logger LOG = Logger.getLogger(JobJournal.class.getName());
    private static final String JOURNAL = "journal.jsonl";
    private static final String FILES = "files";
    private static final String PARTIAL = ".partial";

    /** A job as its journal tells it; {@code finalState} is null for a job that had not ended. */
    record Recovered(String jobId, Instant createdAt, boolean replace, List<JobFile> files, Map<Integer, FileOutcome> outcomes,
                     JobState finalState, Instant finishedAt) {
    }

    private final Path root;

    JobJournal(Path root) {
        this.root = root;
    }

    void create(String jobId, Instant createdAt, boolean replace, List<JobFile> files, List<byte[]> contents) {
        Path partial = root.resolve(jobId + PARTIAL);
        try {
            Files.createDirectories(partial.resolve(FILES));
            for (JobFile file : files) {
                Files.write(partial.resolve(FILES).resolve(Integer.toString(file.index())), contents.get(file.index()));
            }
            var list = Json.createArrayBuilder();
            files.forEach(file -> list.add(Json.createObjectBuilder().add("name", file.name()).add("size", file.size()).add("sha256", file.sha256())));
            writeLine(partial.resolve(JOURNAL), Json.createObjectBuilder().add("created", createdAt.toString()).add("replace", replace)
                    .add("files", list).build());
            Files.move(partial, root.resolve(jobId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("the job could not be written to " + root, e);
        }
    }

    byte[] content(String jobId, int index) {
        try {
            return Files.readAllBytes(root.resolve(jobId).resolve(FILES).resolve(Integer.toString(index)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(String jobId, FileOutcome outcome) {
        JsonObjectBuilder stages = Json.createObjectBuilder();
        outcome.stages().forEach((stage, took) -> stages.add(stage.label(), took.toNanos()));
        JsonObjectBuilder line = Json.createObjectBuilder().add("file", outcome.index()).add("status", outcome.status().label())
                .add("chunks", outcome.chunks()).add("stages_ns", stages).add("prompt_tokens", outcome.promptTokens())
                .add("completion_tokens", outcome.completionTokens()).add("cost_usd", outcome.costUsd());
        if (outcome.documentId() != null) {
            line.add("document_id", outcome.documentId());
        }
        if (outcome.error() != null) {
            line.add("error", outcome.error());
        }
        writeLine(root.resolve(jobId).resolve(JOURNAL), line.build());
    }

    /** Records how the job ended and deletes its files. */
    void finish(String jobId, JobState state, Instant at) {
        writeLine(root.resolve(jobId).resolve(JOURNAL), Json.createObjectBuilder().add("state", state.label()).add("at", at.toString()).build());
        deleteQuietly(root.resolve(jobId).resolve(FILES));
    }

    /** Every job the folder holds, oldest first; a job that was never whole is deleted. */
    List<Recovered> recover() {
        List<Recovered> jobs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return jobs;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                if (folder.getFileName().toString().endsWith(PARTIAL)) {
                    deleteQuietly(folder);
                } else if (Files.isRegularFile(folder.resolve(JOURNAL))) {
                    jobs.add(read(folder.getFileName().toString(), Files.readAllLines(folder.resolve(JOURNAL), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the jobs in " + root + " could not be read", e);
        }
        jobs.sort(Comparator.comparing(Recovered::createdAt));
        return jobs;
    }

    private static Recovered read(String jobId, List<String> lines) {
        JsonObject created = parse(lines.get(0));
        List<JobFile> files = new ArrayList<>();
        for (JsonObject file : created.getJsonArray("files").getValuesAs(JsonObject.class)) {
            files.add(new JobFile(files.size(), file.getString("name"), file.getJsonNumber("size").longValue(), file.getString("sha256")));
        }
        Map<Integer, FileOutcome> outcomes = new LinkedHashMap<>();
        JobState state = null;
        Instant finishedAt = null;
        for (String text : lines.subList(1, lines.size())) {
            if (text.isBlank()) {
                continue;
            }
            JsonObject line;
            try {
                line = parse(text);
            } catch (RuntimeException torn) {
                LOG.warning("job " + jobId + ": a journal line cut short by a crash is ignored");
                continue;
            }
            if (line.containsKey("state")) {
                state = JobState.valueOf(line.getString("state").toUpperCase(Locale.ROOT));
                finishedAt = Instant.parse(line.getString("at"));
            } else {
                FileOutcome outcome = outcome(line);
                outcomes.put(outcome.index(), outcome);
            }
        }
        return new Recovered(jobId, Instant.parse(created.getString("created")), created.getBoolean("replace"), files, outcomes, state, finishedAt);
    }

    private static FileOutcome outcome(JsonObject line) {
        Map<IngestionStage, Duration> stages = new EnumMap<>(IngestionStage.class);
        line.getJsonObject("stages_ns").forEach((stage, nanos) ->
                stages.put(IngestionStage.valueOf(stage.toUpperCase(Locale.ROOT)), Duration.ofNanos(((JsonNumber) nanos).longValue())));
        return new FileOutcome(line.getInt("file"), IngestionStatus.valueOf(line.getString("status").toUpperCase(Locale.ROOT)),
                line.getString("document_id", null), line.getInt("chunks"), line.getString("error", null), stages,
                line.getJsonNumber("prompt_tokens").longValue(), line.getJsonNumber("completion_tokens").longValue(),
                line.getJsonNumber("cost_usd").doubleValue());
    }

    private static JsonObject parse(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    private static void writeLine(Path journal, JsonValue line) {
        try {
            Files.writeString(journal, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("the job journal " + journal + " could not be written", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            LOG.warning("could not delete " + path + ": " + e.getMessage());
        }
    }
}
