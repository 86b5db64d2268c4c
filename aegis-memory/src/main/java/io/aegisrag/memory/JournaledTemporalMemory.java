package io.aegisrag.memory;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.TemporalMemory;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The embedded {@link TemporalMemory}: facts in the JVM, every one first appended to a journal
 * (one JSON object per line, forced to disk) and replayed when the store opens, so memory survives
 * a restart. A fact whose journal line could not be written is not recorded; a torn last line left
 * by a crash is cut off when the journal opens.
 */
public final class JournaledTemporalMemory implements TemporalMemory, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JournaledTemporalMemory.class.getName());

    private final InMemoryTemporalMemory facts = new InMemoryTemporalMemory();
    private final Path journal;
    private final FileChannel channel;
    private final BufferedWriter writer;

    public JournaledTemporalMemory(Path journal) {
        this.journal = journal;
        try {
            Files.createDirectories(journal.toAbsolutePath().getParent());
            long complete = replay();
            this.channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.size() > complete) {
                LOG.warning("cutting a torn last line off " + journal + " after " + complete + " bytes");
                channel.truncate(complete);
            }
            channel.position(complete);
            this.writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the memory journal " + journal, e);
        }
    }

    @Override
    public synchronized void record(Fact fact, boolean supersedes) {
        try {
            writer.write(toJson(fact, supersedes));
            writer.newLine();
            writer.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "the memory journal could not be written", e);
        }
        facts.record(fact, supersedes);
    }

    @Override
    public List<Fact> factsAt(Instant asOf, Optional<String> subject, Optional<FactType> type) {
        return facts.factsAt(asOf, subject, type);
    }

    @Override
    public long count(FactType type) {
        return facts.count(type);
    }

    @Override
    public String serviceName() {
        return "embedded_memory";
    }

    @Override
    public boolean isAvailable() {
        return channel.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
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
        List<String> lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonObject line = Json.createReader(new StringReader(lines.get(i))).readObject();
                facts.record(fromJson(line), line.getBoolean("supersedes"));
            } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
                LOG.warning("skipping unreadable line " + (i + 1) + " of " + journal + ": " + e.getMessage());
            }
        }
        return complete;
    }

    private static String toJson(Fact fact, boolean supersedes) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", fact.id())
                .add("type", fact.type().name())
                .add("subject", fact.subject())
                .add("content", fact.content())
                .add("valid_from", fact.validFrom().toString())
                .add("recorded_at", fact.recordedAt().toString())
                .add("supersedes", supersedes);
        fact.end().ifPresent(end -> json.add("valid_to", end.toString()));
        return json.build().toString();
    }

    private static Fact fromJson(JsonObject json) {
        return new Fact(json.getString("id"), FactType.valueOf(json.getString("type")), json.getString("subject"),
                json.getString("content"), Instant.parse(json.getString("valid_from")),
                json.containsKey("valid_to") ? Instant.parse(json.getString("valid_to")) : null,
                Instant.parse(json.getString("recorded_at")));
    }
}
