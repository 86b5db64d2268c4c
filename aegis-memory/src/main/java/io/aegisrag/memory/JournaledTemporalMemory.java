package io.aegisrag.memory;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.Float32Base64;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.RetentionPolicy;
import io.aegisrag.core.port.TemporalMemory;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded {@link TemporalMemory}: facts in the JVM, every change first appended to a journal
 * (one JSON object per line, forced to disk) and replayed when the store opens, so memory survives
 * a restart. An episode is one line, so it is journaled whole or not at all. Records are journaled
 * as they were made; the versions a contradiction produces are derived from them again on replay
 * (their instants come from the records, never from the clock), so the journal format is unchanged.
 * A retention run is journaled with its instant and then the journal is compacted into the state it
 * leads to (one line a fact version, one an episode), as it is when it opens with more than twice as
 * many lines as facts: start-up time follows what memory holds, not its history. A change whose line
 * could not be written is cut off the journal again and not applied; a torn last line left by a
 * crash is cut off when the journal opens. A fact's {@code group} is written unless it is the default
 * one, so journals written before groups existed read as the default group's (a document's episode
 * as the documents' group's, where every document episode now is); an episode's fact
 * embeddings are written with it, as little-endian float32 in base64.
 */
public final class JournaledTemporalMemory implements TemporalMemory, AutoCloseable {

    /** Opens the journal's channel; tests give one that fails. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path journal) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(JournaledTemporalMemory.class.getName());

    /** A journal with more lines than this many per fact held (plus a margin) is compacted when it opens. */
    private static final int LINES_PER_FACT_BEFORE_COMPACTION = 2;
    private static final int COMPACTION_MARGIN = 1000;

    private final InMemoryTemporalMemory facts = new InMemoryTemporalMemory();
    private final Path journal;
    private final ChannelOpener opener;
    private FileChannel channel;
    private long end;
    private int lines;

    public JournaledTemporalMemory(Path journal) {
        this(journal, path -> FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    JournaledTemporalMemory(Path journal, ChannelOpener opener) {
        this.journal = journal;
        this.opener = opener;
        try {
            Files.createDirectories(journal.toAbsolutePath().getParent());
            long complete = replay();
            this.channel = opener.open(journal);
            if (channel.size() > complete) {
                LOG.warning("cutting a torn last line off " + journal + " after " + complete + " bytes");
                channel.truncate(complete);
            }
            this.end = complete;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the memory journal " + journal, e);
        }
        if (lines > LINES_PER_FACT_BEFORE_COMPACTION * facts.versions() + COMPACTION_MARGIN) {
            compact();
        }
    }

    @Override
    public synchronized void record(Fact fact, boolean supersedes) {
        append(toJson(fact).add("supersedes", supersedes).build());
        facts.record(fact, supersedes);
    }

    @Override
    public synchronized void recordEpisode(String episodeId, List<Fact> episodeFacts, Map<String, float[]> embeddings) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        episodeFacts.forEach(fact -> lines.add(toJson(fact)));
        JsonObjectBuilder line = Json.createObjectBuilder().add("episode", episodeId).add("facts", lines);
        if (!embeddings.isEmpty()) {
            JsonObjectBuilder vectors = Json.createObjectBuilder();
            embeddings.forEach((id, embedding) -> vectors.add(id, Float32Base64.encode(embedding)));
            line.add("embeddings", vectors);
        }
        append(line.build());
        facts.recordEpisode(episodeId, episodeFacts, embeddings);
    }

    @Override
    public Map<String, float[]> embeddingsOf(List<Fact> of) {
        return facts.embeddingsOf(of);
    }

    @Override
    public synchronized boolean forgetEpisode(String episodeId) {
        if (!facts.hasEpisode(episodeId)) {
            return false;
        }
        append(Json.createObjectBuilder().add("forget", episodeId).build());
        return facts.forgetEpisode(episodeId);
    }

    /** Journals the run (with its instant, so that a replay removes the same facts), then compacts the journal. */
    @Override
    public synchronized int retain(RetentionPolicy policy, Instant now) {
        append(Json.createObjectBuilder().add("retain", Json.createObjectBuilder()
                .add("max_age", policy.maxAge().toString()).add("max_per_subject", policy.maxPerSubject()).add("now", now.toString())).build());
        int removed = facts.retain(policy, now);
        compact();
        return removed;
    }

    /**
     * Rewrites the journal as the state it leads to: one line a fact version, then one line an episode.
     * The new journal is written beside the old one, forced to disk and moved over it atomically, so a
     * crash leaves one or the other whole; a failure leaves the old journal in use.
     */
    synchronized void compact() {
        Path compacted = journal.resolveSibling(journal.getFileName() + ".compacting");
        InMemoryTemporalMemory.Snapshot state = facts.snapshot();
        try (FileChannel out = FileChannel.open(compacted, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (Fact fact : state.facts()) {
                write(out, Json.createObjectBuilder().add("put", toJson(fact)).build());
            }
            for (Map.Entry<String, float[]> embedding : state.embeddings().entrySet()) {
                write(out, Json.createObjectBuilder().add("embedding", embedding.getKey()).add("vector", Float32Base64.encode(embedding.getValue())).build());
            }
            for (Map.Entry<String, Set<String>> episode : state.episodes().entrySet()) {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                episode.getValue().stream().sorted().forEach(ids::add);
                write(out, Json.createObjectBuilder().add("adopt", episode.getKey()).add("group", state.groupOf(episode.getKey()))
                        .add("ids", ids).build());
            }
            out.force(true);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not compact the memory journal " + journal + "; it stays as it was", e);
            return;
        }
        try {
            channel.close();
            try {
                Files.move(compacted, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                lines = state.facts().size() + state.episodes().size();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not replace the memory journal " + journal + " by its compaction; it stays as it was", e);
            }
            channel = opener.open(journal);
            end = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("could not reopen the memory journal " + journal, e);
        }
    }

    /** Lines in the journal now. */
    synchronized int lines() {
        return lines;
    }

    private static void write(FileChannel out, JsonObject line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    @Override
    public Map<String, List<String>> episodesOf(List<Fact> of) {
        return facts.episodesOf(of);
    }

    @Override
    public Set<String> episodes(MemoryScope scope) {
        return facts.episodes(scope);
    }

    @Override
    public List<Fact> factsAt(MemoryScope scope, Instant validAt, Instant knownAt, Optional<String> subject, Optional<FactType> type,
                              boolean includeInvalid) {
        return facts.factsAt(scope, validAt, knownAt, subject, type, includeInvalid);
    }

    @Override
    public List<Fact> search(MemoryScope scope, String text, Instant validAt, Instant knownAt, int limit) {
        return facts.search(scope, text, validAt, knownAt, limit);
    }

    @Override
    public List<Fact> relationsFrom(MemoryScope scope, Set<String> subjects, Instant validAt, Instant knownAt) {
        return facts.relationsFrom(scope, subjects, validAt, knownAt);
    }

    @Override
    public List<Fact> history(MemoryScope scope, String subject) {
        return facts.history(scope, subject);
    }

    @Override
    public long count(FactType type) {
        return facts.count(type);
    }

    @Override
    public String serviceName() {
        return "embedded_memory";
    }

    /** The journal is open, its size can be read, and its file can still be written. */
    @Override
    public boolean isAvailable() {
        try {
            return channel.isOpen() && channel.size() >= 0 && Files.isWritable(journal);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** Appends one line and forces it to disk; on failure cuts the journal back to where it ended. */
    private void append(JsonObject line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes, end + bytes.position());
            }
            channel.force(false);
            end += bytes.limit();
            lines++;
        } catch (IOException | RuntimeException e) {
            cutBackTo(end);
            throw new AegisException(ErrorType.DATABASE_ERROR, "the memory journal could not be written", e);
        }
    }

    private void cutBackTo(long length) {
        try {
            channel.truncate(length);
        } catch (IOException | RuntimeException e) {
            LOG.warning("could not cut the memory journal back to " + length + " bytes: " + e
                    + "; the next start cuts off the torn line");
        }
    }

    /** Replays the journal; returns the length of its complete lines (a torn last line has no newline). */
    private long replay() throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(journal);
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') {
            complete--;
        }
        List<String> written = new String(bytes, 0, complete, StandardCharsets.UTF_8).lines().toList();
        lines = written.size();
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).isBlank()) {
                continue;
            }
            try {
                apply(Json.createReader(new StringReader(written.get(i))).readObject());
            } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
                LOG.warning("skipping unreadable line " + (i + 1) + " of " + journal + ": " + e.getMessage());
            }
        }
        return complete;
    }

    private void apply(JsonObject line) {
        if (line.containsKey("episode")) {
            Map<String, float[]> embeddings = new HashMap<>();
            if (line.containsKey("embeddings")) {
                line.getJsonObject("embeddings").forEach((id, vector) -> embeddings.put(id, Float32Base64.decode(((JsonString) vector).getString())));
            }
            String episode = line.getString("episode");
            facts.recordEpisode(episode, line.getJsonArray("facts").getValuesAs(JsonObject.class).stream()
                    .map(JournaledTemporalMemory::fromJson).map(fact -> DocumentId.isWellFormed(episode) ? fact.inGroup(MemoryScope.DOCUMENTS) : fact)
                    .toList(), embeddings);
        } else if (line.containsKey("embedding")) {
            facts.keepEmbedding(line.getString("embedding"), Float32Base64.decode(line.getString("vector")));
        } else if (line.containsKey("forget")) {
            facts.forgetEpisode(line.getString("forget"));
        } else if (line.containsKey("put")) {
            facts.put(fromJson(line.getJsonObject("put")));
        } else if (line.containsKey("adopt")) {
            String episode = line.getString("adopt");
            Set<String> ids = Set.copyOf(line.getJsonArray("ids").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
            String group = line.getString("group", null);
            if (group == null && DocumentId.isWellFormed(episode)) {
                facts.moveToGroup(ids, MemoryScope.DOCUMENTS);
                group = MemoryScope.DOCUMENTS;
            }
            facts.adopt(episode, group == null ? MemoryScope.DEFAULT_GROUP : group, ids);
        } else if (line.containsKey("retain")) {
            JsonObject run = line.getJsonObject("retain");
            facts.retain(new RetentionPolicy(Duration.parse(run.getString("max_age")), run.getInt("max_per_subject")),
                    Instant.parse(run.getString("now")));
        } else {
            facts.record(fromJson(line), line.getBoolean("supersedes"));
        }
    }

    private static JsonObjectBuilder toJson(Fact fact) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", fact.id())
                .add("type", fact.type().name())
                .add("subject", fact.subject())
                .add("content", fact.content())
                .add("valid_from", fact.validFrom().toString())
                .add("recorded_at", fact.recordedAt().toString());
        fact.end().ifPresent(end -> json.add("valid_to", end.toString()));
        if (fact.edge() != null) {
            json.add("relation", fact.edge().relation()).add("object", fact.edge().object());
        }
        if (fact.expiredAt() != null) {
            json.add("expired_at", fact.expiredAt().toString());
        }
        if (!fact.group().equals(MemoryScope.DEFAULT_GROUP)) {
            json.add("group", fact.group());
        }
        return json;
    }

    private static Fact fromJson(JsonObject json) {
        return new Fact(json.getString("id"), FactType.valueOf(json.getString("type")), json.getString("subject"),
                json.getString("content"), Instant.parse(json.getString("valid_from")),
                optionalInstant(json, "valid_to"), Instant.parse(json.getString("recorded_at")), optionalInstant(json, "expired_at"),
                json.containsKey("relation") ? new Fact.Edge(json.getString("relation"), json.getString("object")) : null,
                json.getString("group", MemoryScope.DEFAULT_GROUP));
    }

    private static Instant optionalInstant(JsonObject json, String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL ? Instant.parse(json.getString(name)) : null;
    }
}
