package io.aegisrag.coordinator.jobs;

import io.aegisrag.coordinator.ingest.FileIngestion;
import io.aegisrag.coordinator.ingest.IngestionResult;
import io.aegisrag.coordinator.ingest.IngestionService;
import io.aegisrag.coordinator.ingest.IngestionStatus;
import io.aegisrag.coordinator.ingest.UploadedFile;
import io.aegisrag.coordinator.ingest.ContentHash;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.llm.cost.UsageMeter;
import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bulk ingestion jobs: a set of files (archives opened) is written to the job journal, then ingested
 * one file after another on the jobs' own threads ({@code aegis.ingestion.concurrency} jobs at once),
 * each outcome journaled as it comes. A job interrupted by a restart resumes where it stopped: each
 * file of a job has a document id of its own, so a file whose document was stored just before the
 * crash is recognised and not ingested twice. A file whose content (SHA-256) is already stored is
 * skipped, unless the job replaces: then the stored document is deleted and the file ingested.
 */
@ApplicationScoped
public class IngestionJobs {

    private static final Logger LOG = Logger.getLogger(IngestionJobs.class.getName());

    private final Map<String, IngestionJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> documentsByContent = new ConcurrentHashMap<>();
    private final FileIngestion files;
    private final IngestionService documents;
    private final ExecutorService executor;
    private final Clock clock;
    private final AegisMetrics metrics;
    private final JobJournal journal;
    private final long maxArchiveBytes;
    private final int maxArchiveEntries;

    @Inject
    public IngestionJobs(FileIngestion files, IngestionService documents, @JobExecutor ExecutorService executor, Clock clock, AegisMetrics metrics,
                         @ConfigProperty(name = ConfigKeys.DATA_DIR, defaultValue = "aegis-data") String dataDir,
                         @ConfigProperty(name = ConfigKeys.INGESTION_MAX_ARCHIVE_BYTES, defaultValue = "1073741824") long maxArchiveBytes,
                         @ConfigProperty(name = ConfigKeys.INGESTION_MAX_ARCHIVE_ENTRIES, defaultValue = "10000") int maxArchiveEntries) {
        this.files = files;
        this.documents = documents;
        this.executor = executor;
        this.clock = clock;
        this.metrics = metrics;
        this.journal = dataDir == null ? null : new JobJournal(Path.of(dataDir, "ingestions"));
        this.maxArchiveBytes = maxArchiveBytes;
        this.maxArchiveEntries = maxArchiveEntries;
    }

    protected IngestionJobs() {
        this(null, null, null, null, null, null, 0, 0);
    }

    /** Takes the jobs back from the journal, after the stores are reconciled, and resumes those that had not ended. */
    void onStart(@Observes @Priority(2) Startup startup) {
        for (JobState state : JobState.values()) {
            metrics.bindIngestionJobs(state.label(), () -> count(state));
        }
        for (JobJournal.Recovered recovered : journal.recover()) {
            IngestionJob job = IngestionJob.recovered(recovered);
            jobs.put(job.id(), job);
            recovered.outcomes().values().stream().filter(outcome -> outcome.documentId() != null)
                    .forEach(outcome -> documentsByContent.put(recovered.files().get(outcome.index()).sha256(), outcome.documentId()));
            if (recovered.finalState() == null) {
                LOG.info("resuming ingestion job " + job.id() + " at file " + recovered.outcomes().size() + " of " + recovered.files().size());
                executor.execute(() -> run(job));
            }
        }
    }

    /** The files of an upload: the file itself, or those of an archive. */
    public List<UploadedFile> unpack(String name, String contentType, byte[] content) {
        return Archives.isArchive(name, contentType) ? Archives.open(name, content, maxArchiveBytes, maxArchiveEntries)
                : List.of(new UploadedFile(name, content));
    }

    /** Writes the job to the journal and queues it. */
    public JobStatus submit(List<UploadedFile> uploads, boolean replace) {
        if (uploads.isEmpty()) {
            throw new InvalidInputException("files", "no file was sent");
        }
        String id = UUID.randomUUID().toString();
        List<JobFile> jobFiles = new ArrayList<>(uploads.size());
        for (UploadedFile upload : uploads) {
            jobFiles.add(new JobFile(jobFiles.size(), upload.name(), upload.content().length, ContentHash.of(upload.content())));
        }
        journal.create(id, clock.instant(), replace, jobFiles, uploads.stream().map(UploadedFile::content).toList());
        IngestionJob job = new IngestionJob(id, clock.instant(), replace, jobFiles);
        jobs.put(id, job);
        executor.execute(() -> run(job));
        return job.status(clock.instant());
    }

    public JobStatus status(String id) {
        return job(id).status(clock.instant());
    }

    /** Cancels the job: at once when it waits, before its next file when it runs; a job that ended is left as it is. */
    public JobStatus cancel(String id) {
        IngestionJob job = job(id);
        if (job.requestCancel()) {
            journal.finish(id, JobState.CANCELLED, clock.instant());
            job.finish(JobState.CANCELLED, clock.instant());
        }
        return job.status(clock.instant());
    }

    /** Tells {@code listener} the job's status now and after each change; the returned handle stops it. */
    public Runnable listen(String id, Consumer<JobStatus> listener) {
        return job(id).listen(listener, clock.instant());
    }

    long count(JobState state) {
        return jobs.values().stream().filter(job -> job.state() == state).count();
    }

    private IngestionJob job(String id) {
        IngestionJob job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("ingestion", id);
        }
        return job;
    }

    private void run(IngestionJob job) {
        if (job.state().isFinal()) {
            return;
        }
        try {
            job.start(clock.instant());
            for (JobFile file : job.files()) {
                if (job.cancelRequested()) {
                    break;
                }
                if (!job.isDone(file.index())) {
                    FileOutcome outcome = process(job, file);
                    journal.append(job.id(), outcome);
                    job.record(outcome, clock.instant());
                }
            }
            JobState end = job.cancelRequested() ? JobState.CANCELLED
                    : job.outcomes().values().stream().allMatch(outcome -> outcome.status() == IngestionStatus.FAILED) ? JobState.FAILED
                    : JobState.COMPLETED;
            journal.finish(job.id(), end, clock.instant());
            job.finish(end, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ingestion job " + job.id() + " stopped; it resumes at the next start", e);
            job.finish(JobState.FAILED, clock.instant());
        }
    }

    private FileOutcome process(IngestionJob job, JobFile file) {
        DocumentId id = documentIdOf(job.id(), file.index());
        if (documents.contains(id)) {
            return new FileOutcome(file.index(), IngestionStatus.INGESTED, id.value(), 0, null, Map.of(), 0, 0, 0);
        }
        String stored = documentsByContent.get(file.sha256());
        if (stored != null && documents.contains(new DocumentId(stored))) {
            if (!job.replace()) {
                metrics.trackIngestedDocument(IngestionStatus.SKIPPED.label(), 0);
                return FileOutcome.skipped(file.index(), stored);
            }
            documents.delete(stored);
        }
        UsageMeter usage = new UsageMeter();
        try {
            IngestionResult result = usage.measure(() ->
                    files.ingest(new UploadedFile(file.name(), journal.content(job.id(), file.index())), null, null, id));
            documentsByContent.put(file.sha256(), result.documentId());
            return new FileOutcome(file.index(), IngestionStatus.INGESTED, result.documentId(), result.chunks(), null, result.stages(),
                    usage.promptTokens(), usage.completionTokens(), usage.costUsd());
        } catch (RuntimeException e) {
            LOG.fine(() -> "job " + job.id() + ": " + file.name() + " failed: " + e);
            return FileOutcome.failed(file.index(), e instanceof InvalidInputException invalid ? invalid.detail()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The same for a file of a job whenever it is ingested: what tells, after a restart, that it was. */
    static DocumentId documentIdOf(String jobId, int fileIndex) {
        return new DocumentId(UUID.nameUUIDFromBytes((jobId + "#" + fileIndex).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
