package io.aegisrag.coordinator.jobs;

import io.aegisrag.coordinator.ingest.DefaultIngestionService;
import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.ingest.FileIngestion;
import io.aegisrag.coordinator.ingest.IngestionStatus;
import io.aegisrag.coordinator.ingest.UploadedFile;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.core.testing.HashEmbeddingModel;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.parsing.TikaDocumentParser;
import io.aegisrag.retrieval.testing.SampleFiles;
import jakarta.validation.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IngestionJobsTest {

    @TempDir
    Path data;

    private final IsolatedMetrics metrics = new IsolatedMetrics();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private LuceneVectorStore store;
    private DefaultIngestionService documents;
    private FileIngestion files;

    @BeforeEach
    void open() {
        store = new LuceneVectorStore(data.resolve("lucene"), "hash", 8);
        documents = new DefaultIngestionService(new HashEmbeddingModel(), store, new InMemoryGraphStore(), new InMemoryTemporalMemory(),
                new EntityExtractor(), Clock.systemUTC(), metrics.metrics(), 800, 100, 400);
        files = new FileIngestion(new TikaDocumentParser(100_000), documents, Validation.buildDefaultValidatorFactory().getValidator(),
                metrics.metrics());
    }

    @AfterEach
    void close() throws Exception {
        executor.shutdownNow();
        store.close();
    }

    private IngestionJobs jobs(ExecutorService on) {
        return new IngestionJobs(files, documents, on, Clock.systemUTC(), metrics.metrics(), data.toString(), 1_000_000, 100);
    }

    private static UploadedFile markdown(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static JobStatus awaitEnd(IngestionJobs jobs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus status = jobs.status(id);
            if (List.of("completed", "failed", "cancelled").contains(status.state())) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not end: " + jobs.status(id));
    }

    @Test
    void should_ingest_every_file_of_a_job_and_say_what_became_of_each() throws Exception {
        IngestionJobs jobs = jobs(executor);
        byte[] pdf = SampleFiles.pdf("Quellmar", null, "Quellmar harbour was dredged.", "The keeper feeds the gulls.");
        PrometheusScrape before = metrics.scrape();

        JobStatus submitted = jobs.submit(List.of(markdown("notes.md", "# Notes\n\nLettuce talks to Redis."), new UploadedFile("harbour.pdf", pdf),
                new UploadedFile("broken.pdf", Arrays.copyOf(pdf, pdf.length / 3))), false);
        JobStatus done = awaitEnd(jobs, submitted.jobId());

        assertThat(done.state()).isEqualTo("completed");
        assertThat(done.documents()).isEqualTo(new JobStatus.Documents(3, 3, 2, 0, 1));
        assertThat(done.files()).extracting(JobStatus.FileView::name, JobStatus.FileView::status)
                .containsExactly(tuple("notes.md", "ingested"), tuple("harbour.pdf", "ingested"),
                        tuple("broken.pdf", "failed"));
        assertThat(done.files().get(2).error()).contains("broken.pdf").contains("not a readable PDF");
        assertThat(done.chunks()).isEqualTo(store.chunkCount()).isEqualTo(3);
        assertThat(done.stagesMs()).containsOnlyKeys("parse", "chunk", "embed", "extract", "index").allSatisfy((stage, ms) -> assertThat(ms).isPositive());
        assertThat(done.etaSeconds()).isNull();
        assertThat(store.list(0, 10).total()).isEqualTo(2);
        PrometheusScrape after = metrics.scrape();
        assertThat(after.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "ingested"))).isEqualTo(2);
        assertThat(after.increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_ingestion_stage_seconds_count", Map.of("stage", "parse"))).isEqualTo(2);
    }

    @Test
    void should_skip_a_file_whose_content_is_stored_unless_asked_to_replace_it() throws Exception {
        IngestionJobs jobs = jobs(executor);
        UploadedFile notes = markdown("notes.md", "# Notes\n\nLettuce talks to Redis.");
        String first = awaitEnd(jobs, jobs.submit(List.of(notes), false).jobId()).files().get(0).documentId();
        PrometheusScrape before = metrics.scrape();

        JobStatus again = awaitEnd(jobs, jobs.submit(List.of(markdown("copy.md", "# Notes\n\nLettuce talks to Redis.")), false).jobId());
        JobStatus replaced = awaitEnd(jobs, jobs.submit(List.of(notes), true).jobId());

        assertThat(again.files()).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo("skipped");
            assertThat(file.documentId()).isEqualTo(first);
        });
        assertThat(metrics.scrape().increaseSince(before, "aegis_ingestion_documents_total", Map.of("status", "skipped"))).isEqualTo(1);
        assertThat(replaced.files().get(0).status()).isEqualTo("ingested");
        assertThat(replaced.files().get(0).documentId()).isNotEqualTo(first);
        assertThat(store.list(0, 10).items()).extracting(summary -> summary.id().value()).containsExactly(replaced.files().get(0).documentId());
    }

    @Test
    void should_resume_after_a_restart_without_ingesting_any_file_twice() throws Exception {
        List<Runnable> neverRun = new ArrayList<>();
        IngestionJobs crashed = jobs(new CollectingExecutor(neverRun));
        List<UploadedFile> three = List.of(markdown("a.md", "Alpha keeps the keys."), markdown("b.md", "Bravo guards the gate."),
                markdown("c.md", "Charlie feeds the gulls."));
        String id = crashed.submit(three, false).jobId();
        String first = documents.ingest(new DocumentRequest("a", "a.md", "Alpha keeps the keys.", Map.of()), IngestionJobs.documentIdOf(id, 0))
                .documentId();
        new JobJournal(data.resolve("ingestions")).append(id, new FileOutcome(0, IngestionStatus.INGESTED, first, 1, null, Map.of(), 0, 0, 0));
        documents.ingest(new DocumentRequest("b", "b.md", "Bravo guards the gate.", Map.of()), IngestionJobs.documentIdOf(id, 1));

        IngestionJobs restarted = jobs(executor);
        restarted.onStart(null);
        JobStatus resumed = awaitEnd(restarted, id);

        assertThat(resumed.state()).isEqualTo("completed");
        assertThat(resumed.documents()).isEqualTo(new JobStatus.Documents(3, 3, 3, 0, 0));
        assertThat(store.list(0, 10).items()).extracting(summary -> summary.source()).containsExactlyInAnyOrder("a.md", "b.md", "c.md");
        assertThat(neverRun).hasSize(1);
    }

    @Test
    void should_cancel_a_waiting_job_at_once_and_leave_an_ended_one_as_it_is() throws Exception {
        IngestionJobs jobs = jobs(new CollectingExecutor(new ArrayList<>()));

        JobStatus cancelled = jobs.cancel(jobs.submit(List.of(markdown("a.md", "Alpha keeps the keys.")), false).jobId());

        assertThat(cancelled.state()).isEqualTo("cancelled");
        assertThat(jobs.cancel(cancelled.jobId()).state()).isEqualTo("cancelled");
        assertThat(store.list(0, 10).total()).isZero();
        IngestionJobs restarted = jobs(executor);
        restarted.onStart(null);
        assertThat(restarted.status(cancelled.jobId()).state()).as("the journal says it ended").isEqualTo("cancelled");
        assertThatThrownBy(() -> restarted.status("no-such-job")).hasMessageContaining("no-such-job");
    }

    @Test
    void should_count_the_jobs_in_each_state_as_they_wait_run_and_end() throws Exception {
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TikaDocumentParser tika = new TikaDocumentParser(100_000);
        FileIngestion slow = new FileIngestion((name, content) -> {
            parsing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tika.parse(name, content);
        }, documents, Validation.buildDefaultValidatorFactory().getValidator(), metrics.metrics());
        List<Runnable> waiting = new ArrayList<>();
        IngestionJobs jobs = new IngestionJobs(slow, documents, new CollectingExecutor(waiting), Clock.systemUTC(), metrics.metrics(),
                data.toString(), 1_000_000, 100);
        jobs.onStart(null);

        String id = jobs.submit(List.of(markdown("a.md", "Alpha keeps the keys.")), false).jobId();
        assertThat(metrics.scrape().value("aegis_ingestion_jobs", Map.of("state", "queued"))).isEqualTo(1);
        executor.execute(waiting.get(0));
        parsing.await(10, TimeUnit.SECONDS);
        PrometheusScrape running = metrics.scrape();
        release.countDown();
        awaitEnd(jobs, id);

        assertThat(running.value("aegis_ingestion_jobs", Map.of("state", "running"))).isEqualTo(1);
        assertThat(running.value("aegis_ingestion_jobs", Map.of("state", "queued"))).isZero();
        assertThat(metrics.scrape().value("aegis_ingestion_jobs", Map.of("state", "completed"))).isEqualTo(1);
        assertThat(metrics.scrape().value("aegis_ingestion_jobs", Map.of("state", "running"))).isZero();
    }

    @Test
    void should_open_archives_and_refuse_one_that_expands_too_much() {
        IngestionJobs jobs = jobs(executor);
        byte[] zip = SampleFiles.zip(List.of(Map.entry("docs/a.md", "Alpha.".getBytes(StandardCharsets.UTF_8)),
                Map.entry("docs/.hidden", "x".getBytes(StandardCharsets.UTF_8)), Map.entry("__MACOSX/docs/._a.md", "x".getBytes(StandardCharsets.UTF_8)),
                Map.entry("docs/b.html", SampleFiles.html("B", "<p>Bravo.</p>"))));
        byte[] bomb = SampleFiles.zip(List.of(Map.entry("zeros.txt", new byte[2_000_000])));

        assertThat(jobs.unpack("docs.zip", "application/octet-stream", zip)).extracting(UploadedFile::name).containsExactly("docs/a.md", "docs/b.html");
        assertThat(jobs.unpack("a.md", "text/markdown", "Alpha.".getBytes(StandardCharsets.UTF_8))).hasSize(1);
        assertThatThrownBy(() -> jobs.unpack("bomb.zip", "application/zip", bomb)).isInstanceOfSatisfying(UnreadableDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(UnreadableDocumentException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> jobs.unpack("junk.zip", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("junk.zip");
        assertThatThrownBy(() -> jobs.submit(List.of(), false)).hasMessageContaining("files");
    }

    /** An executor that keeps the work it is given and never runs it: a server that stops before the job starts. */
    private static final class CollectingExecutor extends AbstractExecutorService {
        private final List<Runnable> kept;

        CollectingExecutor(List<Runnable> kept) {
            this.kept = kept;
        }

        @Override
        public void execute(Runnable command) {
            kept.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
