package io.aegisrag.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads a configured ISO-8601 duration ({@code PT1H}, {@code P30D}), failing start-up with the key named. */
public final class ConfigDurations {

    private ConfigDurations() {
    }

    /** @throws IllegalStateException naming {@code key} when {@code iso} is not a positive ISO-8601 duration */
    public static Duration positive(String key, String iso) {
        try {
            Duration duration = Duration.parse(iso.strip());
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT1H or P30D, got '" + iso + "'");
    }
}
