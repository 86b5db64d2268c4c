package io.aegisrag.cli;

import jakarta.json.JsonObject;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aegis ingest FOLDER}: uploads the folder's documents in batches, each a bulk ingestion job, following each to its end. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Uploads every document under FOLDER (PDF, DOCX, PPTX, HTML, Markdown, text, zip) in batches, "
                + "each a bulk ingestion job, shows their progress, then a summary. Exit code 1 when a file failed, 3 when the service could not be used.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions service;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "the folder to ingest")
    Path folder;

    @Option(names = "--batch-files", defaultValue = "100", description = "files per job (default: ${DEFAULT-VALUE})")
    int batchFiles;

    @Option(names = "--batch-bytes", defaultValue = "33554432", description = "bytes per job, at most (default: ${DEFAULT-VALUE})")
    long batchBytes;

    @Option(names = "--replace", description = "ingest again a file whose content the service already holds")
    boolean replace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = DocumentFiles.under(folder);
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("no document under " + folder);
            return 1;
        }
        AegisApi api = service.api();
        IngestSummary summary = new IngestSummary();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Ingesting").setInitialMax(files.size()).setUnit(" docs", 1)
                .showSpeed().setUpdateIntervalMillis(200).build()) {
            for (List<Path> batch : batches(files)) {
                summary.add(follow(api, api.submit(folder, batch, replace), bar));
            }
        } catch (AegisApi.ServiceException | UncheckedIOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 3;
        }
        summary.print(spec.commandLine().getOut());
        return summary.failed() > 0 ? 1 : 0;
    }

    /** Follows one job's events, moving the bar with each, to its end; its last status. */
    private static JsonObject follow(AegisApi api, JsonObject job, ProgressBar bar) {
        long before = bar.getCurrent();
        JsonObject[] last = {job};
        api.followJob(job.getString("job_id"), event -> {
            JsonObject status = AegisApi.json(event.data());
            last[0] = status;
            bar.stepTo(before + status.getJsonObject("documents").getInt("done"));
            if (status.containsKey("eta_seconds") && !status.isNull("eta_seconds")) {
                bar.setExtraMessage("job ETA " + Math.round(status.getJsonNumber("eta_seconds").doubleValue()) + " s");
            }
            return event.name().equals("progress");
        });
        return last[0];
    }

    private List<List<Path>> batches(List<Path> files) {
        List<List<Path>> batches = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            long size = size(file);
            if (!batch.isEmpty() && (batch.size() == batchFiles || bytes + size > batchBytes)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(file);
            bytes += size;
        }
        batches.add(batch);
        return batches;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
