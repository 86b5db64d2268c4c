package io.aegisrag.llm.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The delay a provider asks for before a retry: {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay asked for, {@code null} when the headers ask for none that can be read. */
    static Duration of(HttpHeaders headers) {
        Duration millis = headers.firstValue("retry-after-ms").map(value -> seconds(value, 0.001)).orElse(null);
        if (millis != null) {
            return millis;
        }
        return headers.firstValue("retry-after").map(value -> {
            Duration seconds = seconds(value, 1);
            return seconds != null ? seconds : date(value);
        }).orElse(null);
    }

    private static Duration seconds(String value, double unitInSeconds) {
        try {
            double seconds = Double.parseDouble(value.strip()) * unitInSeconds;
            return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration date(String value) {
        try {
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
