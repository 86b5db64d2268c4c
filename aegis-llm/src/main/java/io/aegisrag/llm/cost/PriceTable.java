package io.aegisrag.llm.cost;

import java.util.HashMap;
import java.util.Map;

/**
 * What tokens cost, in USD per million, per provider and model, from configuration: entries
 * {@code provider:model=INPUT:OUTPUT} separated by commas, where {@code model} may be {@code *} for
 * every model of the provider (e.g. {@code openai:gpt-4o-mini=0.15:0.60,vllm:*=0:0}). A model without
 * a price costs nothing.
 */
public final class PriceTable {

    private static final String ANY_MODEL = "*";

    /** USD per million tokens read and written. */
    public record Price(double inputPerMillion, double outputPerMillion) {
    }

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** @throws IllegalArgumentException naming the entry that cannot be read */
    public static PriceTable parse(String entries) {
        Map<String, Price> prices = new HashMap<>();
        for (String entry : entries.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.lastIndexOf('=');
            int colon = trimmed.indexOf(':');
            String[] amounts = equals < 0 ? new String[0] : trimmed.substring(equals + 1).split(":");
            if (colon < 1 || equals < colon + 2 || amounts.length != 2) {
                throw new IllegalArgumentException("price '" + trimmed + "' is not provider:model=INPUT:OUTPUT (USD per million tokens)");
            }
            try {
                Price price = new Price(Double.parseDouble(amounts[0]), Double.parseDouble(amounts[1]));
                if (price.inputPerMillion() < 0 || price.outputPerMillion() < 0) {
                    throw new IllegalArgumentException("price '" + trimmed + "' is negative");
                }
                prices.put(key(trimmed.substring(0, colon), trimmed.substring(colon + 1, equals)), price);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("price '" + trimmed + "' is not provider:model=INPUT:OUTPUT (USD per million tokens)", e);
            }
        }
        return new PriceTable(prices);
    }

    /** The cost in USD of one call. */
    public double cost(String provider, String model, long promptTokens, long completionTokens) {
        Price price = prices.getOrDefault(key(provider, model), prices.get(key(provider, ANY_MODEL)));
        if (price == null) {
            return 0;
        }
        return (promptTokens * price.inputPerMillion() + completionTokens * price.outputPerMillion()) / 1_000_000;
    }

    private static String key(String provider, String model) {
        return provider.strip() + ' ' + model.strip();
    }
}
