package io.aegisrag.coordinator.security;

import io.aegisrag.core.config.ConfigKeys;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys of {@code aegis.auth.api-keys} ({@code KEY:ROLE} pairs separated by commas) and their
 * roles. A presented key is compared with every known key in constant time, through their SHA-256
 * digests, so neither its length nor how much of it matches shows in the time taken. Keys never
 * appear in a message.
 */
public final class ApiKeys {

    private record Key(byte[] digest, Role role) {
    }

    private final List<Key> keys;

    private ApiKeys(List<Key> keys) {
        this.keys = keys;
    }

    /** @throws IllegalArgumentException naming the pair at fault by position, never by its key */
    public static ApiKeys parse(String pairs) {
        List<Key> keys = new ArrayList<>();
        String[] entries = pairs == null ? new String[0] : pairs.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(ConfigKeys.AUTH_API_KEYS + ": pair " + (i + 1) + " is not KEY:ROLE");
            }
            try {
                keys.add(new Key(Sha256.of(entry.substring(0, colon).strip()), Role.named(entry.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ConfigKeys.AUTH_API_KEYS + ": pair " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new ApiKeys(List.copyOf(keys));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * The memory group of a key's caller: {@code key:} and the first 12 hexadecimal digits of the key's
     * SHA-256 digest, which name the key without revealing it.
     */
    public static String groupOf(String key) {
        return "key:" + HexFormat.of().formatHex(Sha256.of(key), 0, 6);
    }

    /** The role of {@code presented}, when it is a known key. */
    public Optional<Role> roleOf(String presented) {
        byte[] digest = Sha256.of(presented);
        Role found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                found = key.role();
            }
        }
        return Optional.ofNullable(found);
    }
}
