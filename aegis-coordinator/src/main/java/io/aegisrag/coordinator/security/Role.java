package io.aegisrag.coordinator.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do; each role may do everything the roles before it may. */
public enum Role {
    /** Query, chat, read documents, graph and memory. */
    READER,
    /** Also ingest and delete documents, record memory episodes. */
    WRITER,
    /** Also the admin endpoints. */
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role named {@code name} in {@code aegis.auth.api-keys}, case-insensitive. */
    public static Role named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown role '" + name.strip() + "'; roles are "
                + Arrays.stream(values()).map(role -> role.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** The role {@code name} names, case-insensitive, if it names one (a JWT group may name anything). */
    public static Optional<Role> find(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
