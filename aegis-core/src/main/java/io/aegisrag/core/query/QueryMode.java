package io.aegisrag.core.query;

import java.util.Locale;
import java.util.Optional;

/** The mode a caller asks for: {@code AUTO} lets the intent classifier decide. */
public enum QueryMode {
    AUTO(null), VECTOR(Intent.VECTOR), GRAPH(Intent.GRAPH), HYBRID(Intent.HYBRID), MEMORY(Intent.MEMORY);

    private final Intent forcedIntent;

    QueryMode(Intent forcedIntent) {
        this.forcedIntent = forcedIntent;
    }

    /** The intent this mode imposes, empty for {@code AUTO}. */
    public Optional<Intent> forcedIntent() {
        return Optional.ofNullable(forcedIntent);
    }

    public static QueryMode fromLabel(String label) {
        return label == null ? AUTO : valueOf(label.toUpperCase(Locale.ROOT));
    }
}
