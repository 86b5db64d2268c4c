package io.aegisrag.llm.cost;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Adds up the tokens and cost of the chat model calls one piece of work makes on its thread (an
 * ingestion job's documents, read by the LLM extractor): the chain records each call it pays for into
 * the meter the calling thread runs under, if any. Replies from the LLM cache cost nothing and are
 * not recorded.
 */
public final class UsageMeter {

    private static final ThreadLocal<UsageMeter> CURRENT = new ThreadLocal<>();

    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final DoubleAdder costUsd = new DoubleAdder();

    /** Runs {@code work} on this thread with its chat model calls recorded into this meter. */
    public <T> T measure(Supplier<T> work) {
        UsageMeter outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Records one call into the meter of the calling thread, when it runs under one. */
    public static void record(long prompt, long completion, double cost) {
        UsageMeter meter = CURRENT.get();
        if (meter != null) {
            meter.promptTokens.add(prompt);
            meter.completionTokens.add(completion);
            meter.costUsd.add(cost);
        }
    }

    public long promptTokens() {
        return promptTokens.sum();
    }

    public long completionTokens() {
        return completionTokens.sum();
    }

    public double costUsd() {
        return costUsd.sum();
    }
}
