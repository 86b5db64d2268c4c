package io.aegisrag.retrieval.lucene;

import org.apache.lucene.store.AlreadyClosedException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Merges the index once writes have paused: each commit leaves a segment, and every segment is one
 * more HNSW graph that a vector search walks (100k chunks with three windows each: 25.9 ms a search
 * over 64 segments, 1.8 ms over one; bench/results/vector-search-windows.md). Each write moves the
 * merge back by the idle time; it runs on a thread of its own, never on a request's.
 */
final class IdleMerge implements AutoCloseable {

    /** Merges the index into so many segments. */
    interface Merge {
        void into(int segments) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(IdleMerge.class.getName());

    private final Duration idle;
    private final int segments;
    private final Merge merge;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> pending;
    private volatile boolean merging;

    IdleMerge(Duration idle, int segments, Merge merge) {
        this.idle = idle;
        this.segments = segments;
        this.merge = merge;
        this.thread = idle.isZero() ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread merging = new Thread(runnable, "aegis-lucene-idle-merge");
            merging.setDaemon(true);
            return merging;
        });
    }

    /** A write happened: the merge waits for the idle time from now. */
    synchronized void written() {
        if (thread == null || thread.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = thread.schedule(this::run, idle.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        merging = true;
        try {
            merge.into(segments);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof AlreadyClosedException)) {
                LOG.log(Level.WARNING, "the idle merge of the Lucene index failed; the index stays as it is", e);
            }
        } finally {
            merging = false;
        }
    }

    /** Stops merging; whether a merge was running, which the index's close should then abandon rather than wait for. */
    synchronized boolean stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
        return merging;
    }

    @Override
    public void close() {
        stop();
    }
}
