package io.aegisrag.core.llm;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;

/** A chat or embedding model call that failed, with the reason the router falls back on. */
public class LlmException extends AegisException {

    private final LlmFailure failure;

    public LlmException(LlmFailure failure, String message) {
        this(failure, message, null);
    }

    public LlmException(LlmFailure failure, String message, Throwable cause) {
        super(ErrorType.LLM_ERROR, message, cause);
        this.failure = failure;
    }

    public LlmFailure failure() {
        return failure;
    }
}
