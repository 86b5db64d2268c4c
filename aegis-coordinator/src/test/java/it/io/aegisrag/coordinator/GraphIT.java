package it.io.aegisrag.coordinator;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge graph over REST on Liberty: search, one entity, its neighbourhood, and bad input. */
class GraphIT {

    private static String document;

    @BeforeAll
    static void ingest() {
        document = AegisClient.ingestMarkdown("graph", "# Vorastore\n\nQuillon is the client of Vorastore. Vorastore runs on Zephyrix.");
    }

    @AfterAll
    static void delete() {
        AegisClient.delete("/api/v1/documents/" + document);
    }

    @Test
    void should_find_an_entity_by_its_name_a_typo_or_its_type() {
        assertThat(AegisClient.get("/api/v1/graph/entities?name=vorast").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("id") + ":" + e.getInt("mentions")).containsExactly("vorastore:1");
        assertThat(AegisClient.get("/api/v1/graph/entities?name=Zephyrux").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .as("one letter wrong").extracting(e -> e.getString("name")).containsExactly("Zephyrix");
        assertThat(AegisClient.get("/api/v1/graph/entities?name=quillon&type=person").json().getJsonArray("items")).isEmpty();
        assertThat(AegisClient.get("/api/v1/graph/entities?name=quillon&type=concept").json().getJsonArray("items")).hasSize(1);
    }

    @Test
    void should_show_an_entity_with_its_relations_and_the_chunks_that_mention_it() {
        JsonObject vorastore = AegisClient.get("/api/v1/graph/entities/vorastore").json();

        assertThat(vorastore.getString("name")).isEqualTo("Vorastore");
        assertThat(vorastore.getJsonArray("relations").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("source") + " " + r.getString("type") + " " + r.getString("target"))
                .containsExactlyInAnyOrder("quillon client_of vorastore", "vorastore related_to zephyrix");
        assertThat(vorastore.getJsonArray("relations").getValuesAs(JsonObject.class)).extracting(r -> r.getString("sentence"))
                .contains("Quillon is the client of Vorastore.");
        assertThat(vorastore.getJsonArray("chunks").getValuesAs(JsonObject.class))
                .allSatisfy(chunk -> assertThat(chunk.getString("document_id")).isEqualTo(document)).isNotEmpty();
    }

    @Test
    void should_walk_the_neighbourhood_one_or_two_relations_deep() {
        JsonObject one = AegisClient.get("/api/v1/graph/entities/quillon/neighbors").json();
        JsonObject two = AegisClient.get("/api/v1/graph/entities/quillon/neighbors?depth=2").json();

        assertThat(one.getJsonArray("neighbors").getValuesAs(JsonObject.class)).extracting(n -> n.getString("id") + "@" + n.getInt("distance"))
                .containsExactly("vorastore@1");
        assertThat(two.getJsonArray("neighbors").getValuesAs(JsonObject.class)).extracting(n -> n.getString("id") + "@" + n.getInt("distance"))
                .containsExactly("vorastore@1", "zephyrix@2");
    }

    @Test
    void should_group_related_entities_into_a_community_with_a_summary() throws InterruptedException {
        List<JsonObject> communities = communitiesOf("vorastore");
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); communities.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            communities = communitiesOf("vorastore");
        }

        assertThat(communities).as("computed again in the background after the ingestion").singleElement().satisfies(community -> {
                    assertThat(community.getJsonArray("entities").getValuesAs(JsonObject.class)).extracting(e -> e.getString("id"))
                            .containsExactlyInAnyOrder("quillon", "vorastore", "zephyrix");
                    assertThat(community.getString("summary")).endsWith(": Quillon is the client of Vorastore.");
                    assertThat(community.getString("summarized_by")).isEqualTo("extractive");
                });
        assertThat(fieldOf(AegisClient.get("/api/v1/graph/communities?limit=101"))).isEqualTo("limit");
    }

    private static List<JsonObject> communitiesOf(String entityId) {
        return AegisClient.get("/api/v1/graph/communities?limit=100").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(community -> community.getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                        .anyMatch(entity -> entity.getString("id").equals(entityId)))
                .toList();
    }

    @Test
    void should_answer_bad_input_and_unknown_entities_with_a_problem() {
        assertThat(fieldOf(AegisClient.get("/api/v1/graph/entities?limit=0"))).isEqualTo("limit");
        assertThat(fieldOf(AegisClient.get("/api/v1/graph/entities?limit=many"))).isEqualTo("limit");
        assertThat(fieldOf(AegisClient.get("/api/v1/graph/entities?name=" + "x".repeat(201)))).isEqualTo("name");
        assertThat(fieldOf(AegisClient.get("/api/v1/graph/entities/quillon/neighbors?depth=3"))).isEqualTo("depth");
        AegisClient.Reply unknown = AegisClient.get("/api/v1/graph/entities/no-such-entity");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(AegisClient.get("/api/v1/graph/entities/no-such-entity/neighbors").status()).isEqualTo(404);
        assertThat(AegisClient.get("/api/v1/graph/entities?name=%22%5C%27%29%20MATCH%20(n)%20DETACH%20DELETE%20n").status())
                .as("Cypher in a name is only a name").isEqualTo(200);
    }

    private static String fieldOf(AegisClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }
}
