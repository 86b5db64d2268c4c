package io.aegisrag.core.memory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Whose memory a caller works with, partitioned by group as Graphiti's {@code group_id} partitions a
 * graph: {@code group} is the caller's own (its episodes, facts and sessions are recorded there), and
 * the caller reads the groups in {@code readable}, or every group when {@code readsAll}.
 */
public record MemoryScope(String group, Set<String> readable, boolean readsAll) {

    /** The one group of a service without authentication. */
    public static final String DEFAULT_GROUP = "default";

    /** The group of ingested documents' episodes, which every caller reads, as every caller reads the documents. */
    public static final String DOCUMENTS = "documents";

    /** Every group, recording in the default one: without authentication, and for work the service does for itself. */
    public static final MemoryScope ALL = everything(DEFAULT_GROUP);

    public MemoryScope {
        Objects.requireNonNull(group, "group");
        readable = Set.copyOf(readable);
    }

    /** A caller recording in {@code group} who reads every group (an administrator). */
    public static MemoryScope everything(String group) {
        return new MemoryScope(group, Set.of(), true);
    }

    /** A caller recording in {@code group} who reads it, the {@code shared} groups and the documents' group. */
    public static MemoryScope of(String group, Set<String> shared) {
        Set<String> readable = new HashSet<>(shared);
        readable.add(group);
        readable.add(DOCUMENTS);
        return new MemoryScope(group, readable, false);
    }

    /** The caller's own group alone: what it may change, and where its session ids are looked up. */
    public MemoryScope own() {
        return new MemoryScope(group, Set.of(group), false);
    }

    /**
     * The key short-term memory keeps the caller's session {@code sessionId} under: the id itself in the
     * default group (as before groups existed), else the group, URL-encoded so that it holds no
     * {@code /}, then {@code /} and the id. Two groups' sessions of the same id are two conversations.
     */
    public String sessionKey(String sessionId) {
        return group.equals(DEFAULT_GROUP) ? sessionId : URLEncoder.encode(group, StandardCharsets.UTF_8) + "/" + sessionId;
    }

    /** Whether the caller reads what is recorded in {@code of}. */
    public boolean reads(String of) {
        return readsAll || readable.contains(of);
    }
}
