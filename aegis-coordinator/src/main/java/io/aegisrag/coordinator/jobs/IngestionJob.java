package io.aegisrag.coordinator.jobs;

import io.aegisrag.coordinator.ingest.IngestionStage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One bulk ingestion job as it runs: its files, what became of each so far, its state, and who
 * listens to its progress (each listener is told the new status after every change).
 */
final class IngestionJob {

    private final String id;
    private final Instant createdAt;
    private final boolean replace;
    private final List<JobFile> files;
    private final Map<Integer, FileOutcome> outcomes = new LinkedHashMap<>();
    private final List<Consumer<JobStatus>> listeners = new CopyOnWriteArrayList<>();
    private JobState state = JobState.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private boolean cancelRequested;
    private Instant runStartedAt;
    private int doneBeforeRun;

    IngestionJob(String id, Instant createdAt, boolean replace, List<JobFile> files) {
        this.id = id;
        this.createdAt = createdAt;
        this.replace = replace;
        this.files = List.copyOf(files);
    }

    /** The job as its journal left it: the outcomes it had, and its end if it had ended. */
    static IngestionJob recovered(JobJournal.Recovered recovered) {
        IngestionJob job = new IngestionJob(recovered.jobId(), recovered.createdAt(), recovered.replace(), recovered.files());
        job.outcomes.putAll(recovered.outcomes());
        if (recovered.finalState() != null) {
            job.state = recovered.finalState();
            job.finishedAt = recovered.finishedAt();
        }
        return job;
    }

    String id() {
        return id;
    }

    boolean replace() {
        return replace;
    }

    List<JobFile> files() {
        return files;
    }

    synchronized JobState state() {
        return state;
    }

    synchronized boolean isDone(int index) {
        return outcomes.containsKey(index);
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    /** The outcomes so far, by file. */
    synchronized Map<Integer, FileOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    void start(Instant now) {
        synchronized (this) {
            state = JobState.RUNNING;
            startedAt = startedAt == null ? now : startedAt;
            runStartedAt = now;
            doneBeforeRun = outcomes.size();
        }
        changed(now);
    }

    void record(FileOutcome outcome, Instant now) {
        synchronized (this) {
            outcomes.put(outcome.index(), outcome);
        }
        changed(now);
    }

    /** Asks the job to stop before its next file; a queued job is cancelled at once. Whether it was queued. */
    synchronized boolean requestCancel() {
        if (state.isFinal()) {
            return false;
        }
        cancelRequested = true;
        return state == JobState.QUEUED;
    }

    void finish(JobState end, Instant now) {
        synchronized (this) {
            state = end;
            finishedAt = now;
        }
        changed(now);
    }

    /** Adds a listener, told the status now and after every change, until the job ends; returns a handle to remove it. */
    Runnable listen(Consumer<JobStatus> listener, Instant now) {
        listeners.add(listener);
        listener.accept(status(now));
        return () -> listeners.remove(listener);
    }

    private void changed(Instant now) {
        JobStatus status = status(now);
        listeners.forEach(listener -> listener.accept(status));
    }

    synchronized JobStatus status(Instant now) {
        int ingested = 0;
        int skipped = 0;
        int failed = 0;
        long chunks = 0;
        long promptTokens = 0;
        long completionTokens = 0;
        double cost = 0;
        Map<IngestionStage, Duration> stages = new EnumMap<>(IngestionStage.class);
        for (FileOutcome outcome : outcomes.values()) {
            switch (outcome.status()) {
                case INGESTED -> ingested++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            chunks += outcome.chunks();
            promptTokens += outcome.promptTokens();
            completionTokens += outcome.completionTokens();
            cost += outcome.costUsd();
            outcome.stages().forEach((stage, took) -> stages.merge(stage, took, Duration::plus));
        }
        Map<String, Double> stagesMs = new LinkedHashMap<>();
        for (IngestionStage stage : IngestionStage.values()) {
            stagesMs.put(stage.label(), stages.getOrDefault(stage, Duration.ZERO).toNanos() / 1e6);
        }
        List<JobStatus.FileView> views = new ArrayList<>(files.size());
        for (JobFile file : files) {
            FileOutcome outcome = outcomes.get(file.index());
            views.add(outcome == null ? new JobStatus.FileView(file.name(), "pending", null, null, null)
                    : new JobStatus.FileView(file.name(), outcome.status().label(), outcome.documentId(), outcome.chunks(), outcome.error()));
        }
        return new JobStatus(id, state.label(), createdAt, startedAt, finishedAt,
                new JobStatus.Documents(files.size(), outcomes.size(), ingested, skipped, failed), chunks, stagesMs,
                new JobStatus.Llm(promptTokens, completionTokens, cost), eta(now), views);
    }

    /** Seconds left at the pace of this run so far; null before the first file of the run is done, or once the job ended. */
    private Double eta(Instant now) {
        int doneThisRun = outcomes.size() - doneBeforeRun;
        if (state != JobState.RUNNING || doneThisRun == 0) {
            return null;
        }
        double secondsPerFile = Duration.between(runStartedAt, now).toNanos() / 1e9 / doneThisRun;
        return secondsPerFile * (files.size() - outcomes.size());
    }
}
