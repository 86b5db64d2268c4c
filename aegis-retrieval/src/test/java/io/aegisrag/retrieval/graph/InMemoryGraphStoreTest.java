package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.GraphStoreContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore createStore() {
        return new InMemoryGraphStore();
    }

    @Test
    void should_count_a_relation_repeated_within_one_document_once() {
        InMemoryGraphStore graph = new InMemoryGraphStore();
        Entity a = Entity.named("Alpha", "concept");
        Entity b = Entity.named("Beta", "concept");
        Relation ab = new Relation(a.id(), b.id(), "related_to", "d#0");

        graph.addDocument(DocumentId.random(), List.of(new Mention(a, "d#0"), new Mention(b, "d#0")), List.of(ab, ab));

        assertThat(graph.relationCount()).isEqualTo(1);
        assertThat(graph.chunksMentioning(Set.of(a.id(), b.id()))).containsExactly("d#0");
    }
}
