package io.aegisrag.core.llm;

import java.util.Locale;

/** Why a chat model did not answer: the {@code reason} of {@code aegis_llm_fallbacks_total} and of a response's fallbacks. */
public enum LlmFailure {
    /** Refused connection, 5xx, an error in the stream. */
    UNAVAILABLE,
    /** No reply, or no progress in the stream, within the configured time. */
    TIMEOUT,
    /** 429 or 503 that did not clear within the retries allowed. */
    RATE_LIMITED,
    /** The provider says the account's quota is spent (429 {@code insufficient_quota}). */
    QUOTA_EXCEEDED,
    /** The provider does not have the model (Ollama: not pulled). */
    MODEL_NOT_FOUND,
    /** The provider refused the request (4xx other than the above): a configuration to fix. */
    REJECTED,
    /** The reply could not be read (malformed JSON, unexpected shape). */
    BAD_RESPONSE,
    /** The monthly budget of a paid provider is spent; it is skipped until the month ends. */
    BUDGET_EXHAUSTED,
    /** The provider failed repeatedly and is skipped until its circuit half-opens. */
    CIRCUIT_OPEN;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
