package io.aegisrag.core.port;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;

import java.util.List;

/** Writes the answer to a prompt from the contexts it carries, citing them as {@code [n]}. */
public interface ChatModel extends BackingService {

    /**
     * Generates the answer, handing each piece of text to {@code sink} as it is written, and stops
     * as soon as {@code sink} is {@link TokenSink#cancelled() cancelled}.
     *
     * @param model the model to use, {@code null} for the adapter's configured one
     * @throws LlmException when the provider fails, with the reason a fallback is chosen on
     */
    Answer generate(Prompt prompt, String model, TokenSink sink);

    /** The models this provider serves now; the configured one first. */
    List<String> models();

    /** The {@code provider} metric label. */
    String provider();

    /** The configured model: the {@code model} metric label when the request names none. */
    String model();
}
