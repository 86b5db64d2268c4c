package io.aegisrag.core.llm;

import java.time.Duration;

/**
 * What a chat model produced.
 *
 * @param text             the answer, citing contexts as {@code [n]} (1-based positions in the prompt's contexts)
 * @param provider         who served it ({@code extractive}, {@code ollama}, {@code openai})
 * @param model            the model name, used as the {@code model} metric label
 * @param promptTokens     tokens read, as the provider counted them unless {@code tokensEstimated}
 * @param completionTokens tokens written, as the provider counted them unless {@code tokensEstimated}
 * @param tokensEstimated  the provider gave no counts (or the stream ended before them): both are estimates
 * @param timeToFirstToken from the call to the first token of text; the whole call when nothing streamed
 * @param cancelled        the reader went away and generation was stopped: the text is what was written until then
 */
public record Answer(String text, String provider, String model, long promptTokens, long completionTokens,
                     boolean tokensEstimated, Duration timeToFirstToken, boolean cancelled) {
}
