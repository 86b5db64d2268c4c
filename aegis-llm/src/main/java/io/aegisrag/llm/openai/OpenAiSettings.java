package io.aegisrag.llm.openai;

import io.aegisrag.llm.http.ProviderHttp;

import java.net.URI;

/**
 * How to reach an OpenAI-compatible server (OpenAI, vLLM, DashScope's compatible mode) and what to ask of it.
 *
 * @param url          the API base, ending in {@code /v1} (e.g. {@code https://api.openai.com/v1})
 * @param apiKey       sent as {@code Authorization: Bearer}; empty for servers that need none. Never logged.
 * @param answerTokens {@code max_tokens}
 */
public record OpenAiSettings(URI url, String model, String apiKey, int answerTokens, double temperature,
                             ProviderHttp.Timeouts timeouts, ProviderHttp.RetryPolicy retries) {

    @Override
    public String toString() {
        return "OpenAiSettings[url=" + url + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + "]";
    }
}
