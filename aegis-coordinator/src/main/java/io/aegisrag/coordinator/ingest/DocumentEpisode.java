package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.retrieval.graph.EntityExtractor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The memory episode of an ingested document: its id is the document's, its facts what ingesting it taught, in the documents' group. */
public final class DocumentEpisode {

    private DocumentEpisode() {
    }

    /** The episode fact itself and one mention per entity the document names (its content the entity's name), valid from its creation. */
    public static List<Fact> facts(Document document, int chunks, Extraction extraction) {
        Instant at = document.createdAt();
        String episode = document.id().value();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(episode + "/episode", FactType.EPISODIC, episode,
                "ingested '" + document.title() + "' as " + chunks + " chunks", at, null, at).inGroup(MemoryScope.DOCUMENTS));
        for (Entity entity : extraction.entities()) {
            facts.add(new Fact(episode + "/" + entity.id(), FactType.ENTITY, entity.id(), entity.name(), at, null, at).inGroup(MemoryScope.DOCUMENTS));
        }
        return facts;
    }
}
