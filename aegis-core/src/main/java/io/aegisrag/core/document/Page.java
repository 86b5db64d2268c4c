package io.aegisrag.core.document;

import java.util.List;

/** One page of a listing: the items from {@code offset}, at most {@code limit}, of {@code total}. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
