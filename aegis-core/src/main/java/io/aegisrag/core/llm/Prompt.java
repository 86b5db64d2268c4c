package io.aegisrag.core.llm;

import io.aegisrag.core.query.Context;

import java.util.List;

/**
 * What a chat model is asked: the question, the contexts that fitted its context window (numbered
 * {@code [1]..[n]} in this order, the same order as the sources shown to the reader), and the system
 * and user messages built from them. For a follow-up resolved against its conversation, the user
 * message holds the resolved question and {@code question} the question as asked.
 *
 * @param estimatedTokens the estimated length of both messages, in tokens
 * @param outputSchema    a JSON schema the reply must follow (Ollama's {@code format}, OpenAI's
 *                        {@code response_format}), null for free text
 */
public record Prompt(String question, List<Context> contexts, String system, String user, int estimatedTokens, String outputSchema) {

    public Prompt {
        contexts = List.copyOf(contexts);
    }

    /** A prompt answered in free text. */
    public Prompt(String question, List<Context> contexts, String system, String user, int estimatedTokens) {
        this(question, contexts, system, user, estimatedTokens, null);
    }
}
