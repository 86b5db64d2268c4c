package io.aegisrag.llm.ollama;

import io.aegisrag.llm.http.ProviderHttp;

import java.net.URI;

/**
 * How to reach an Ollama server and what to ask of it.
 *
 * @param url           the server, e.g. {@code http://localhost:11434}
 * @param model         the chat model tag, e.g. {@code llama3.1:8b}
 * @param contextWindow {@code options.num_ctx}: the tokens the model reads and writes
 * @param answerTokens  {@code options.num_predict}: the most it writes
 */
public record OllamaSettings(URI url, String model, int contextWindow, int answerTokens, double temperature,
                             ProviderHttp.Timeouts timeouts, ProviderHttp.RetryPolicy retries) {
}
