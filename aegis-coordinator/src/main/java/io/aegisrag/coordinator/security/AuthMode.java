package io.aegisrag.coordinator.security;

import io.aegisrag.core.config.ConfigKeys;

import java.util.Arrays;

/** How callers of {@code /api} prove who they are: {@code aegis.auth.mode}. */
public enum AuthMode {
    /** Everyone may do everything: the quick start's default, with a warning at start-up. */
    NONE("none"),
    /** {@code Authorization: Bearer KEY}, with the keys and roles of {@code aegis.auth.api-keys}. */
    API_KEY("api-key"),
    /** {@code Authorization: Bearer JWT}, verified with {@code mp.jwt.verify.*}; roles from its {@code groups}. */
    JWT("jwt");

    private final String label;

    AuthMode(String label) {
        this.label = label;
    }

    public static AuthMode named(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label.equals(label.strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException(ConfigKeys.AUTH_MODE + " must be one of "
                        + Arrays.stream(values()).map(mode -> mode.label).toList() + ", got '" + label + "'"));
    }
}
