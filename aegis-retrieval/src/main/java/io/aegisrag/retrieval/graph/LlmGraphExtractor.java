package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphExtractor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The knowledge graph read by the language model of the chat chain, chunk by chunk, through a reader
 * that asks for JSON following a schema, validates and repairs it, asks once more, and caches each
 * reply with its prompt ({@code cache_type="llm"}), so a chunk read before costs nothing. A chunk that
 * no model read is extracted by {@code fallback}.
 */
public final class LlmGraphExtractor implements GraphExtractor {

    private final EpisodeReader reader;
    private final GraphExtractor fallback;

    public LlmGraphExtractor(EpisodeReader reader, GraphExtractor fallback) {
        this.reader = reader;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public Extraction extract(List<Chunk> chunks) {
        List<Mention> mentions = new ArrayList<>();
        Set<Relation> relations = new LinkedHashSet<>();
        for (Chunk chunk : chunks) {
            EpisodeReader.Reading reading = reader.read(chunk.text());
            if (!reading.readBy().equals(name())) {
                Extraction extracted = fallback.extract(List.of(chunk));
                mentions.addAll(extracted.mentions());
                relations.addAll(extracted.relations());
                continue;
            }
            Set<String> mentioned = new HashSet<>();
            for (Entity entity : reading.entities()) {
                if (mentioned.add(entity.id())) {
                    mentions.add(new Mention(entity, chunk.id()));
                }
            }
            for (Statement statement : reading.statements()) {
                if (mentioned.contains(statement.subject().id()) && mentioned.contains(statement.object().id())
                        && !statement.subject().id().equals(statement.object().id())) {
                    relations.add(new Relation(statement.subject().id(), statement.object().id(), statement.relation(), chunk.id(),
                            statement.sentence()));
                }
            }
        }
        return new Extraction(mentions, List.copyOf(relations));
    }
}
