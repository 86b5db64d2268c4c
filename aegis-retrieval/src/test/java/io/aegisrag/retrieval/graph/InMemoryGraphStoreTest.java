package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.GraphStoreContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void should_list_relations_in_the_order_their_documents_came_whatever_their_random_ids() {
        InMemoryGraphStore graph = new InMemoryGraphStore();
        List<Relation> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Entity a = Entity.named("Alpha" + i, "concept");
            Entity b = Entity.named("Beta" + i, "concept");
            Relation ab = new Relation(a.id(), b.id(), "related_to", "d" + i + "#0");
            graph.addDocument(DocumentId.random(), List.of(new Mention(a, "d" + i + "#0"), new Mention(b, "d" + i + "#0")), List.of(ab));
            added.add(ab);
        }

        assertThat(graph.relations()).containsExactlyElementsOf(added);
    }

    @Test
    void should_let_a_reader_go_on_through_the_chunks_of_an_entity_while_a_document_is_added() {
        InMemoryGraphStore graph = new InMemoryGraphStore();
        Entity lucene = Entity.named("Lucene", "concept");
        graph.addDocument(DocumentId.random(), List.of(new Mention(lucene, "a#0"), new Mention(lucene, "a#1")), List.of());

        Set<String> chunks = graph.chunksMentioning(Set.of(lucene.id()));
        Iterator<String> reading = chunks.iterator();
        reading.next();
        graph.addDocument(DocumentId.random(), List.of(new Mention(lucene, "b#0")), List.of());

        assertThatCode(() -> reading.forEachRemaining(chunk -> { })).doesNotThrowAnyException();
        assertThatThrownBy(() -> chunks.add("c#0")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(graph.chunksMentioning(Set.of(lucene.id()))).containsExactlyInAnyOrder("a#0", "a#1", "b#0");
    }
}
