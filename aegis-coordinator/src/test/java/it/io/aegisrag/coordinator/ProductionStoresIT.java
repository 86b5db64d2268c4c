package it.io.aegisrag.coordinator;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM test server keeps its chunks in Qdrant (WireMock replaying Qdrant's REST API with
 * aegis-retrieval's QdrantEmulator) and its graph in a real Neo4j 5.26: ingestion, search, the graph
 * endpoints, delete and the store gauges read those stores; when Qdrant fails, health and
 * {@code aegis_service_up} say so and a question is still answered from temporal memory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionStoresIT {

    private static AegisClient.Reply delete(String path) {
        return AegisClient.send(HttpRequest.newBuilder(LlmServer.BASE.resolve(path)).DELETE(), AegisClient.ADMIN_KEY);
    }

    @Test
    @Order(1)
    void should_keep_chunks_in_qdrant_and_the_graph_in_neo4j_and_forget_both_on_delete() {
        PrometheusScrape before = LlmServer.scrape();

        AegisClient.Reply ingested = LlmServer.postJson("/api/v1/documents", Json.createObjectBuilder().add("title", "Quintessa").add("source", "it")
                .add("text", "Ysolde Harrowgate founded Quintessa Robotics in Valparaiso. Quintessa Robotics uses Zephyrine for its arms.").build());
        assertThat(ingested.status()).isEqualTo(201);
        String document = ingested.json().getString("document_id");
        int chunks = ingested.json().getInt("chunks");

        PrometheusScrape after = LlmServer.scrape();
        assertThat(after.increaseSince(before, "aegis_vector_points_count", Map.of("store", "qdrant"))).isEqualTo(chunks);
        assertThat(after.increaseSince(before, "aegis_graph_entities_count", Map.of("store", "neo4j"))).isGreaterThanOrEqualTo(3);
        assertThat(after.increaseSince(before, "aegis_graph_relations_count", Map.of("store", "neo4j"))).isGreaterThanOrEqualTo(1);
        assertThat(after.value("aegis_service_up", Map.of("service", "qdrant"))).isEqualTo(1);

        JsonObject answer = LlmServer.query("Which company did Ysolde Harrowgate found in Valparaiso?").json();
        assertThat(answer.getJsonArray("sources").getValuesAs(JsonObject.class))
                .anySatisfy(source -> {
                    assertThat(source.getString("document_id", "")).isEqualTo(document);
                    assertThat(source.getJsonArray("retrievers").toString()).contains("bm25").contains("vector");
                });
        JsonObject quintessa = LlmServer.read("/api/v1/graph/entities/quintessa-robotics", AegisClient.ADMIN_KEY).json();
        assertThat(quintessa.getJsonArray("relations").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("source") + " " + r.getString("type") + " " + r.getString("target"))
                .contains("quintessa-robotics uses zephyrine");
        assertThat(quintessa.getJsonArray("chunks").getValuesAs(JsonObject.class))
                .allSatisfy(chunk -> assertThat(chunk.getString("document_id")).isEqualTo(document)).isNotEmpty();

        assertThat(delete("/api/v1/documents/" + document).status()).isEqualTo(204);
        PrometheusScrape deleted = LlmServer.scrape();
        assertThat(deleted.value("aegis_vector_points_count", Map.of("store", "qdrant")))
                .isEqualTo(before.value("aegis_vector_points_count", Map.of("store", "qdrant")));
        assertThat(deleted.value("aegis_graph_entities_count", Map.of("store", "neo4j")))
                .isEqualTo(before.value("aegis_graph_entities_count", Map.of("store", "neo4j")));
        assertThat(LlmServer.read("/api/v1/graph/entities/quintessa-robotics", AegisClient.ADMIN_KEY).status()).isEqualTo(404);
    }

    /** The LLM test server reads documents into the graph with its chat chain (aegis.extraction.provider=llm). */
    @Test
    @Order(2)
    void should_read_a_document_into_the_graph_with_the_language_model_and_not_ask_it_twice() {
        LlmServer.ollamaReplies("Thaddeus Okoro", "{\"entities\":[{\"name\":\"Thaddeus Okoro\",\"type\":\"person\"},"
                + "{\"name\":\"Brindlewood Observatory\",\"type\":\"organization\"}],\"facts\":[{\"subject\":\"Thaddeus Okoro\","
                + "\"relation\":\"directs\",\"object\":\"Brindlewood Observatory\",\"fact\":\"Thaddeus Okoro directs the observatory.\"}]}");
        String text = "Thaddeus Okoro has run the Brindlewood Observatory since its telescope was rebuilt.";

        String first = LlmServer.ingest("Brindlewood", text);
        String second = LlmServer.ingest("Brindlewood again", text);

        JsonObject okoro = LlmServer.read("/api/v1/graph/entities/thaddeus-okoro", AegisClient.ADMIN_KEY).json();
        assertThat(okoro.getString("type")).isEqualTo("person");
        assertThat(okoro.getJsonArray("relations").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("source") + " " + r.getString("type") + " " + r.getString("target"))
                .contains("thaddeus-okoro directs brindlewood-observatory");
        assertThat(LlmServer.PROVIDERS.find(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("Passage:"))
                .withRequestBody(containing("Thaddeus Okoro")))).as("the second document's chunk was read from the cache").hasSize(1);
        delete("/api/v1/documents/" + first);
        delete("/api/v1/documents/" + second);
        assertThat(LlmServer.read("/api/v1/graph/entities/thaddeus-okoro", AegisClient.ADMIN_KEY).status()).isEqualTo(404);
    }

    /** The LLM test server summarises communities with its chat chain (aegis.graph.community-summary.provider=llm). */
    @Test
    @Order(3)
    void should_summarise_a_community_with_the_language_model_in_the_background_and_match_questions_against_it() {
        LlmServer.ollamaReplies("Ilvaris Petrov", "{\"entities\":[{\"name\":\"Ilvaris Petrov\",\"type\":\"person\"},"
                + "{\"name\":\"Skarnheim Engine\",\"type\":\"technology\"}],\"facts\":[{\"subject\":\"Ilvaris Petrov\","
                + "\"relation\":\"designs\",\"object\":\"Skarnheim Engine\",\"fact\":\"Ilvaris Petrov designs the Skarnheim Engine.\"}]}");
        LlmServer.ollamaReplies("Skarnheim Engine (technology)", "Ilvaris Petrov leads the hypersonic propulsion work on the Skarnheim Engine.");
        String document = LlmServer.ingest("Skarnheim", "Ilvaris Petrov designs the Skarnheim Engine in a hangar near Tromso.");

        JsonObject community = awaitCommunityOf("ilvaris-petrov", "llm");

        assertThat(community.getString("summary")).isEqualTo("Ilvaris Petrov leads the hypersonic propulsion work on the Skarnheim Engine.");
        AegisClient.Reply global = LlmServer.postJson("/api/v1/query", Json.createObjectBuilder().add("query", "Who works on hypersonic propulsion?")
                .add("retrievers", Json.createArrayBuilder().add("graph_global")).build());
        assertThat(global.json().getJsonArray("sources").getValuesAs(JsonObject.class)).as("words only the written summary holds")
                .anySatisfy(source -> assertThat(source.getString("document_id", "")).isEqualTo(document));
        delete("/api/v1/documents/" + document);
    }

    private static JsonObject awaitCommunityOf(String entityId, String summarizedBy) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonObject found = LlmServer.read("/api/v1/graph/communities?limit=100", AegisClient.ADMIN_KEY).json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(community -> community.getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                            .anyMatch(entity -> entity.getString("id").equals(entityId)))
                    .findFirst().orElse(null);
            if (found != null && found.getString("summarized_by").equals(summarizedBy)) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no community of " + entityId + " summarised by " + summarizedBy + " in time: " + found);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @Order(4)
    void should_say_qdrant_is_down_and_still_answer_from_memory() {
        String session = "it-" + UUID.randomUUID();
        assertThat(LlmServer.postJson("/api/v1/memory/episodes", Json.createObjectBuilder().add("session_id", session)
                .add("content", "Perpetua Lindqvist works at Obsidia Labs.").add("reference_time", "2026-03-01T00:00:00Z").build()).status())
                .isEqualTo(201);
        StubMapping down = LlmServer.PROVIDERS.register(any(urlMatching("/collections.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            AegisClient.Reply ready = LlmServer.read("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("\"service\":\"qdrant\"");
            assertThat(LlmServer.scrape().value("aegis_service_up", Map.of("service", "qdrant"))).isZero();

            AegisClient.Reply answered = LlmServer.query("Where does Perpetua Lindqvist work now?");

            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.json().getJsonArray("sources").getValuesAs(JsonObject.class))
                    .anySatisfy(source -> assertThat(source.getString("kind")).isEqualTo("memory"));
        } finally {
            LlmServer.PROVIDERS.removeStubMapping(down);
        }
        assertThat(LlmServer.scrape().value("aegis_service_up", Map.of("service", "qdrant"))).isEqualTo(1);
    }
}
