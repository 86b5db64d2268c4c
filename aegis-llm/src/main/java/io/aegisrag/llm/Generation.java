package io.aegisrag.llm;

import io.aegisrag.core.llm.Answer;

import java.util.List;

/**
 * What the router produced: the answer (its text with citations to no context removed), what it cost,
 * whether it came from the cache, and each provider of the chain that was passed over before it, and why.
 */
public record Generation(Answer answer, double costUsd, boolean cached, List<Fallback> fallbacks) {

    public Generation {
        fallbacks = List.copyOf(fallbacks);
    }

    /** A provider passed over: {@code reason} is an {@link io.aegisrag.core.llm.LlmFailure} label, {@code detail} what happened. */
    public record Fallback(String from, String to, String reason, String detail) {
    }
}
