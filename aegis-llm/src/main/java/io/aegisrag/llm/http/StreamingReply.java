package io.aegisrag.llm.http;

import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reply read line by line as the provider sends it (NDJSON, Server-Sent Events). Lines are decoded
 * by the HTTP client, so a line or a UTF-8 character split across network packets arrives whole.
 * {@link #nextLine()} waits at most the stall timeout for each line, and {@link #close()} cancels the
 * body: the connection is dropped, so the provider stops generating.
 */
public final class StreamingReply implements AutoCloseable {

    private static final Object END = new Object();

    private final HttpResponse.ResponseInfo info;
    private final LineQueue lines;
    private final Duration stallTimeout;

    StreamingReply(HttpResponse.ResponseInfo info, LineQueue lines, Duration stallTimeout) {
        this.info = info;
        this.lines = lines;
        this.stallTimeout = stallTimeout;
    }

    public int status() {
        return info.statusCode();
    }

    public HttpHeaders headers() {
        return info.headers();
    }

    /**
     * The next line, {@code null} at the end of the body.
     *
     * @throws LlmException {@link LlmFailure#TIMEOUT} when no line came within the stall timeout,
     *                      {@link LlmFailure#UNAVAILABLE} when the connection broke
     */
    public String nextLine() {
        Object next;
        try {
            next = lines.queue.poll(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new LlmException(LlmFailure.TIMEOUT, "interrupted while waiting for the reply", e);
        }
        if (next == null) {
            close();
            throw new LlmException(LlmFailure.TIMEOUT, "the reply stalled: no data for " + stallTimeout.toMillis() + " ms");
        }
        if (next instanceof Throwable failure) {
            throw new LlmException(LlmFailure.UNAVAILABLE, "the reply broke off: " + failure, failure);
        }
        if (next == END) {
            lines.queue.add(END);
            return null;
        }
        return (String) next;
    }

    /** The rest of the body, its lines joined by newlines. */
    public String remainingBody() {
        StringBuilder body = new StringBuilder();
        for (String line = nextLine(); line != null; line = nextLine()) {
            body.append(body.isEmpty() ? "" : "\n").append(line);
        }
        return body.toString();
    }

    @Override
    public void close() {
        lines.cancel();
    }

    /** Receives the body's lines from the HTTP client's threads and hands them to the reading thread. */
    static final class LineQueue implements Flow.Subscriber<String> {

        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.complete(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            queue.add(line);
        }

        @Override
        public void onError(Throwable failure) {
            queue.add(failure);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        void cancel() {
            subscription.thenAccept(Flow.Subscription::cancel);
            queue.add(new IllegalStateException("closed"));
        }
    }
}
