package io.aegisrag.llm.cost;

import io.aegisrag.core.llm.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Month-to-date spend per provider and model, priced by the {@link PriceTable} and held against a
 * monthly budget per provider. It survives a restart (a JSON file in the data directory, replaced
 * atomically on every call that cost something; the token counts of free models ride along with the
 * next save) and starts from zero when the injected clock enters a
 * new month (UTC). A budget of 0 means unlimited. The budget is checked before a call, so the call
 * that crosses it is still paid: the overshoot is at most one answer.
 */
public final class SpendLedger {

    private static final Logger LOG = Logger.getLogger(SpendLedger.class.getName());

    /** One model's month: its spend, tokens and calls. */
    public record ModelSpend(String model, double spendUsd, long promptTokens, long completionTokens, long requests) {

        ModelSpend plus(double usd, Answer answer) {
            return new ModelSpend(model, spendUsd + usd, promptTokens + answer.promptTokens(),
                    completionTokens + answer.completionTokens(), requests + 1);
        }
    }

    /** One provider's month against its budget; {@code budgetUsd} 0 means unlimited and {@code remainingUsd} is then null. */
    public record ProviderSpend(String provider, double spendUsd, double budgetUsd, Double remainingUsd, boolean exhausted,
                                List<ModelSpend> models) {
    }

    private final Path file;
    private final Clock clock;
    private final PriceTable prices;
    private final Map<String, Double> budgets;
    private final Map<String, Map<String, ModelSpend>> spend = new TreeMap<>();
    private YearMonth month;

    /**
     * @param budgets USD a month per provider; a provider without one is unlimited
     */
    public SpendLedger(Path file, Clock clock, PriceTable prices, Map<String, Double> budgets) {
        this.file = file;
        this.clock = clock;
        this.prices = prices;
        this.budgets = Map.copyOf(budgets);
        this.month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        load();
    }

    /** Prices an answer, adds it to the month and saves the ledger; returns its cost in USD. */
    public synchronized double record(Answer answer) {
        rollOver();
        double cost = prices.cost(answer.provider(), answer.model(), answer.promptTokens(), answer.completionTokens());
        spend.computeIfAbsent(answer.provider(), p -> new TreeMap<>())
                .merge(answer.model(), new ModelSpend(answer.model(), 0, 0, 0, 0).plus(cost, answer),
                        (old, added) -> old.plus(cost, answer));
        if (cost > 0) {
            save();
        }
        return cost;
    }

    /** Whether the provider's budget for this month is spent. */
    public synchronized boolean exhausted(String provider) {
        double budget = budget(provider);
        return budget > 0 && monthToDate(provider) >= budget;
    }

    public synchronized double monthToDate(String provider) {
        rollOver();
        return spend.getOrDefault(provider, Map.of()).values().stream().mapToDouble(ModelSpend::spendUsd).sum();
    }

    /** The provider's monthly budget in USD, 0 when unlimited. */
    public double budget(String provider) {
        return budgets.getOrDefault(provider, 0.0);
    }

    public synchronized YearMonth month() {
        rollOver();
        return month;
    }

    /** The month so far for each of {@code providers}, in that order. */
    public synchronized List<ProviderSpend> report(List<String> providers) {
        rollOver();
        List<ProviderSpend> report = new ArrayList<>();
        for (String provider : providers) {
            double spent = monthToDate(provider);
            double budget = budget(provider);
            report.add(new ProviderSpend(provider, spent, budget, budget > 0 ? Math.max(0, budget - spent) : null,
                    exhausted(provider), List.copyOf(spend.getOrDefault(provider, Map.of()).values())));
        }
        return report;
    }

    private void rollOver() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (!now.equals(month)) {
            LOG.info("LLM spend: " + month + " is over, " + now + " starts from zero");
            month = now;
            spend.clear();
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            JsonObject saved = reader.readObject();
            if (!YearMonth.parse(saved.getString("month")).equals(month)) {
                return;
            }
            saved.getJsonObject("providers").forEach((provider, models) -> models.asJsonObject().forEach((model, value) -> {
                JsonObject m = value.asJsonObject();
                spend.computeIfAbsent(provider, p -> new TreeMap<>()).put(model, new ModelSpend(model,
                        m.getJsonNumber("spend_usd").doubleValue(), m.getJsonNumber("prompt_tokens").longValue(),
                        m.getJsonNumber("completion_tokens").longValue(), m.getJsonNumber("requests").longValue()));
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the LLM spend ledger " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the LLM spend ledger " + file + " cannot be read (" + e.getMessage()
                    + "); fix or remove it: the service will not spend against a budget it cannot read", e);
        }
    }

    private void save() {
        JsonObjectBuilder providers = Json.createObjectBuilder();
        spend.forEach((provider, models) -> {
            JsonObjectBuilder byModel = Json.createObjectBuilder();
            models.forEach((model, m) -> byModel.add(model, Json.createObjectBuilder()
                    .add("spend_usd", m.spendUsd()).add("prompt_tokens", m.promptTokens())
                    .add("completion_tokens", m.completionTokens()).add("requests", m.requests())));
            providers.add(provider, byModel);
        });
        String json = Json.createObjectBuilder().add("month", month.toString()).add("providers", providers).build().toString();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot save the LLM spend ledger " + file + "; the spend is kept in memory until the next save", e);
        }
    }
}
