package io.aegisrag.core.llm;

/**
 * What a chat model produced.
 *
 * @param text             the answer, citing contexts as {@code [n]} (1-based positions in the context list)
 * @param provider         who served it ({@code extractive}, {@code ollama}, ...)
 * @param model            the model name, used as the {@code model} metric label
 * @param promptTokens     tokens read, 0 when the provider does not count tokens
 * @param completionTokens tokens written, 0 when the provider does not count tokens
 */
public record Answer(String text, String provider, String model, long promptTokens, long completionTokens) {
}
