package io.aegisrag.llm;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.llm.cost.PriceTable;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.llm.http.ProviderHttp;
import io.aegisrag.llm.ollama.OllamaSettings;
import io.aegisrag.llm.openai.OpenAiSettings;
import io.aegisrag.llm.prompt.PromptBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Turns the {@code aegis.llm.*}, {@code aegis.ollama.*} and {@code aegis.openai.*} keys into the LLM module's settings. */
@ApplicationScoped
public class LlmProducer {

    @Produces
    @Singleton
    PromptBuilder promptBuilder(@ConfigProperty(name = ConfigKeys.LLM_CONTEXT_WINDOW, defaultValue = "8192") int window,
                                @ConfigProperty(name = ConfigKeys.LLM_ANSWER_TOKENS, defaultValue = "512") int answerTokens) {
        return new PromptBuilder(window, answerTokens);
    }

    @Produces
    @Singleton
    SpendLedger spendLedger(@ConfigProperty(name = ConfigKeys.DATA_DIR, defaultValue = "aegis-data") String dataDir,
                            @ConfigProperty(name = ConfigKeys.LLM_PRICES) Optional<String> prices,
                            @ConfigProperty(name = ConfigKeys.LLM_BUDGETS) Optional<String> budgets,
                            Clock clock) {
        return new SpendLedger(Path.of(dataDir, "llm-spend.json"), clock, PriceTable.parse(prices.orElse("")), budgets(budgets.orElse("")));
    }

    @Produces
    ProviderHttp.Timeouts timeouts(@ConfigProperty(name = ConfigKeys.LLM_CONNECT_TIMEOUT_MS, defaultValue = "2000") long connectMs,
                                   @ConfigProperty(name = ConfigKeys.LLM_TIMEOUT_MS, defaultValue = "120000") long replyMs,
                                   @ConfigProperty(name = ConfigKeys.LLM_STALL_TIMEOUT_MS, defaultValue = "30000") long stallMs) {
        return new ProviderHttp.Timeouts(Duration.ofMillis(connectMs), Duration.ofMillis(replyMs), Duration.ofMillis(stallMs));
    }

    @Produces
    ProviderHttp.RetryPolicy retries(@ConfigProperty(name = ConfigKeys.LLM_RETRIES, defaultValue = "2") int retries,
                                     @ConfigProperty(name = ConfigKeys.LLM_RETRY_MAX_DELAY_MS, defaultValue = "10000") long maxDelayMs) {
        return new ProviderHttp.RetryPolicy(retries, Duration.ofMillis(500), Duration.ofMillis(maxDelayMs));
    }

    @Produces
    OllamaSettings ollama(@ConfigProperty(name = ConfigKeys.OLLAMA_URL, defaultValue = "http://localhost:11434") String url,
                          @ConfigProperty(name = ConfigKeys.OLLAMA_MODEL, defaultValue = "llama3.1:8b") String model,
                          @ConfigProperty(name = ConfigKeys.LLM_TEMPERATURE, defaultValue = "0.1") double temperature,
                          PromptBuilder prompts, ProviderHttp.Timeouts timeouts, ProviderHttp.RetryPolicy retries) {
        return new OllamaSettings(URI.create(url), model, prompts.contextWindowTokens(), prompts.answerTokens(), temperature, timeouts, retries);
    }

    @Produces
    OpenAiSettings openAi(@ConfigProperty(name = ConfigKeys.OPENAI_URL, defaultValue = "https://api.openai.com/v1") String url,
                          @ConfigProperty(name = ConfigKeys.OPENAI_MODEL, defaultValue = "gpt-4o-mini") String model,
                          @ConfigProperty(name = ConfigKeys.OPENAI_API_KEY) Optional<String> apiKey,
                          @ConfigProperty(name = ConfigKeys.LLM_TEMPERATURE, defaultValue = "0.1") double temperature,
                          PromptBuilder prompts, ProviderHttp.Timeouts timeouts, ProviderHttp.RetryPolicy retries) {
        return new OpenAiSettings(URI.create(url), model, apiKey.orElse("").strip(), prompts.answerTokens(), temperature, timeouts, retries);
    }

    /** {@code provider=USD,...}. */
    static Map<String, Double> budgets(String entries) {
        Map<String, Double> budgets = new HashMap<>();
        for (String entry : entries.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=");
            try {
                double usd = Double.parseDouble(parts[1].strip());
                if (parts.length != 2 || usd < 0) {
                    throw new NumberFormatException(entry);
                }
                budgets.put(parts[0].strip(), usd);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(ConfigKeys.LLM_BUDGETS + ": '" + entry.strip() + "' is not provider=USD", e);
            }
        }
        return budgets;
    }
}
