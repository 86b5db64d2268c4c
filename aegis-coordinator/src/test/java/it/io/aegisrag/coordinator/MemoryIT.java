package it.io.aegisrag.coordinator;

import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Temporal memory over REST on Liberty: episodes in, facts out on both time axes, and bad input. */
class MemoryIT {

    private static AegisClient.Reply episode(String session, String content, String referenceTime) {
        var body = Json.createObjectBuilder().add("session_id", session).add("content", content);
        if (referenceTime != null) {
            body.add("reference_time", referenceTime);
        }
        return AegisClient.postJson("/api/v1/memory/episodes", body.build());
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void should_record_an_episode_and_answer_what_was_true_when_as_known_when() {
        String session = "it-" + UUID.randomUUID();
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant before = Instant.now();

        AegisClient.Reply recorded = episode(session, "Marguerite moved the Zanzibar cluster to Frankfurt.", lastWeek.toString());

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonObject episode = recorded.json();
        String zanzibar = episode.getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("name").equals("Zanzibar")).findFirst().orElseThrow().getString("id");
        assertThat(episode.getJsonArray("facts").getValuesAs(JsonObject.class))
                .anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("episodic"))
                .allSatisfy(f -> assertThat(f.getString("valid_at")).startsWith(lastWeek.toString().substring(0, 19)));

        JsonObject now = AegisClient.get("/api/v1/memory/facts?entity=" + encode(zanzibar)).json();
        JsonObject beforeItHappened = AegisClient.get("/api/v1/memory/facts?entity=" + encode(zanzibar)
                + "&valid_at=" + encode(lastWeek.minus(1, ChronoUnit.DAYS))).json();
        JsonObject beforeItWasTold = AegisClient.get("/api/v1/memory/facts?entity=" + encode(zanzibar)
                + "&known_at=" + encode(before.minus(1, ChronoUnit.SECONDS))).json();

        assertThat(now.getInt("total")).isEqualTo(1);
        JsonObject mention = now.getJsonArray("items").getJsonObject(0);
        assertThat(mention.getString("content")).as("a mention names the entity; it does not copy the episode").isEqualTo("Zanzibar");
        assertThat(mention.getJsonArray("episodes").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly(episode.getString("episode_id"));
        assertThat(beforeItHappened.getInt("total")).isZero();
        assertThat(beforeItWasTold.getInt("total")).as("told a week late: unknown before it was recorded").isZero();

        JsonObject history = AegisClient.get("/api/v1/memory/entities/" + encode(zanzibar) + "/history").json();
        assertThat(history.getJsonArray("facts")).hasSize(1);
        assertThat(history.getJsonArray("facts").getJsonObject(0).containsKey("expired_at")).isFalse();
    }

    /** The default test server keeps temporal memory in its journal, the LLM test server in Neo4j (Neo4jTestServer, started by the build). */
    static Stream<Arguments> servers() {
        return Stream.of(Arguments.of("embedded", AegisClient.BASE), Arguments.of("neo4j", LlmServer.BASE));
    }

    private static AegisClient.Reply get(URI server, String path) {
        return AegisClient.send(HttpRequest.newBuilder(server.resolve(path)).GET(), AegisClient.ADMIN_KEY);
    }

    private static AegisClient.Reply delete(URI server, String path) {
        return AegisClient.send(HttpRequest.newBuilder(server.resolve(path)).DELETE(), AegisClient.ADMIN_KEY);
    }

    private static AegisClient.Reply post(URI server, String path, JsonObject body) {
        return AegisClient.send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), AegisClient.ADMIN_KEY);
    }

    private static AegisClient.Reply episode(URI server, String session, String content, String referenceTime) {
        return post(server, "/api/v1/memory/episodes", Json.createObjectBuilder().add("session_id", session).add("content", content)
                .add("reference_time", referenceTime).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void should_end_a_relation_that_a_later_episode_contradicts_and_answer_about_now_from_memory(String store, URI server) {
        String session = "it-" + UUID.randomUUID();
        PrometheusScrape before = PrometheusScrape.parse(get(server, "/metrics").body());

        assertThat(episode(server, session, "Wendeline works at Corvantis.", "2026-01-05T00:00:00Z").status()).isEqualTo(201);
        AegisClient.Reply moved = episode(server, session, "Wendeline joined Halvorsen Labs.", "2026-03-01T00:00:00Z");

        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(moved.json().getJsonArray("facts").getValuesAs(JsonObject.class)).anySatisfy(fact -> assertThat(fact)
                .containsEntry("type", Json.createValue("semantic")).containsEntry("subject", Json.createValue("wendeline"))
                .containsEntry("relation", Json.createValue("works_at")).containsEntry("object", Json.createValue("halvorsen-labs")));
        assertThat(PrometheusScrape.parse(get(server, "/metrics").body())
                .increaseSince(before, "aegis_memory_facts_count", Map.of("fact_type", "semantic")))
                .as("Corvantis ended (a new version, the old one expired) and Halvorsen Labs").isEqualTo(2);
        assertThat(objects(server, "/api/v1/memory/facts?type=semantic&entity=wendeline")).containsExactly("halvorsen-labs");
        assertThat(objects(server, "/api/v1/memory/facts?type=semantic&entity=wendeline&valid_at=2026-02-01T00:00:00Z"))
                .containsExactly("corvantis");
        List<JsonObject> history = get(server, "/api/v1/memory/entities/wendeline/history").json().getJsonArray("facts")
                .getValuesAs(JsonObject.class).stream().filter(fact -> fact.getString("type").equals("semantic")).toList();
        assertThat(history).extracting(fact -> fact.getString("object") + (fact.containsKey("invalid_at") ? " until " + fact.getString("invalid_at") : "")
                        + (fact.containsKey("expired_at") ? " (expired)" : ""))
                .containsExactly("corvantis (expired)", "corvantis until 2026-03-01T00:00:00Z", "halvorsen-labs");

        JsonObject answer = post(server, "/api/v1/query", Json.createObjectBuilder().add("query", "Where does Wendeline work now?")
                .add("model", "extractive").build()).json();

        assertThat(answer.getString("intent")).isEqualTo("memory");
        JsonObject first = answer.getJsonArray("sources").getJsonObject(0);
        assertThat(first.getString("kind")).isEqualTo("memory");
        assertThat(first.getString("text")).isEqualTo("Wendeline joined Halvorsen Labs");
        assertThat(first.containsKey("document_id")).isFalse();
        assertThat(first.getJsonArray("retrievers").getValuesAs(JsonString.class)).extracting(JsonString::getString).contains("memory");
        assertThat(answer.getJsonArray("sources").getValuesAs(JsonObject.class))
                .noneSatisfy(source -> assertThat(source.getString("text")).contains("Corvantis"));
        assertThat(answer.getString("answer")).contains("Halvorsen Labs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void should_keep_one_fact_for_a_statement_two_conversations_make_and_forget_it_with_the_last_of_them(String store, URI server) {
        String first = "it-" + UUID.randomUUID();
        String second = "it-" + UUID.randomUUID();
        String one = episode(server, first, "Ysolde Marchetti works at Quorbit Systems.", "2026-02-01T00:00:00Z").json().getString("episode_id");
        String two = episode(server, second, "Ysolde Marchetti works at Quorbit Systems.", "2026-02-01T00:00:00Z").json().getString("episode_id");
        String facts = "/api/v1/memory/facts?type=semantic&entity=ysolde-marchetti";

        assertThat(get(server, facts).json().getJsonArray("items").getValuesAs(JsonObject.class)).singleElement().satisfies(fact -> {
            assertThat(fact.getString("object")).isEqualTo("quorbit-systems");
            assertThat(fact.getJsonArray("episodes").getValuesAs(JsonString.class)).extracting(JsonString::getString).containsExactly(one, two);
        });
        JsonObject listed = get(server, "/api/v1/memory/episodes?session_id=" + first).json();
        assertThat(listed.getInt("total")).isEqualTo(1);
        assertThat(listed.getJsonArray("items").getJsonObject(0).getString("episode_id")).isEqualTo(one);
        assertThat(listed.getJsonArray("items").getJsonObject(0).getString("content")).isEqualTo("Ysolde Marchetti works at Quorbit Systems.");

        assertThat(delete(server, "/api/v1/memory/episodes/" + one).status()).isEqualTo(204);
        assertThat(get(server, facts).json().getJsonArray("items").getValuesAs(JsonObject.class)).as("the second conversation still says it")
                .singleElement().satisfies(fact -> assertThat(fact.getJsonArray("episodes").getValuesAs(JsonString.class))
                        .extracting(JsonString::getString).containsExactly(two));
        assertThat(get(server, "/api/v1/memory/episodes?session_id=" + first).json().getInt("total")).isZero();

        assertThat(delete(server, "/api/v1/memory/episodes/" + two).status()).isEqualTo(204);
        assertThat(get(server, facts).json().getJsonArray("items")).isEmpty();
        assertThat(delete(server, "/api/v1/memory/episodes/" + two).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void should_show_one_entity_per_person_whose_summary_follows_a_contradicting_episode(String store, URI server) {
        String session = "it-" + UUID.randomUUID();
        episode(server, session, "Theodric Vale works at Ambrose Foundry.", "2026-01-10T00:00:00Z");
        episode(server, session, "Theodric Vale works at Ambrose Foundry.", "2026-01-12T00:00:00Z");

        assertThat(get(server, "/api/v1/memory/entities?name=theodric").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .singleElement().satisfies(entity -> {
                    assertThat(entity.getString("id")).isEqualTo("theodric-vale");
                    assertThat(entity.getString("name")).isEqualTo("Theodric Vale");
                    assertThat(entity.getString("summary")).isEqualTo("Theodric Vale works at Ambrose Foundry.");
                });

        episode(server, session, "Theodric Vale joined Kestrel Works.", "2026-03-01T00:00:00Z");

        JsonObject entity = get(server, "/api/v1/memory/entities/theodric-vale").json();
        assertThat(entity.getString("summary")).contains("Kestrel Works").doesNotContain("Ambrose");
        assertThat(entity.getString("first_seen")).isEqualTo("2026-01-10T00:00:00Z");
        assertThat(entity.getString("last_seen")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(entity.getJsonArray("episodes")).hasSize(3);
        assertThat(entity.getJsonArray("facts").getValuesAs(JsonObject.class)).extracting(fact -> fact.getString("object"))
                .containsExactly("kestrel-works");
        assertThat(get(server, "/api/v1/memory/entities?name=Ambrose").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(found -> found.getString("summary")).as("the company is still known; nothing true now names it").containsExactly("");
        assertThat(get(server, "/api/v1/memory/entities/nobody-here").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void should_search_facts_as_of_a_valid_and_a_known_instant_from_a_centre(String store, URI server) {
        String session = "it-" + UUID.randomUUID();
        episode(server, session, "Caspian Rhee works at Lindqvist Optics.", "2026-01-10T00:00:00Z");
        episode(server, session, "Caspian Rhee joined Moravec Dynamics.", "2026-03-01T00:00:00Z");
        String query = "/api/v1/memory/facts/search?q=" + encode("Where does Caspian Rhee work?") + "&center=" + encode("Caspian Rhee");

        JsonObject now = get(server, query).json();
        JsonObject before = get(server, query + "&valid_at=2026-02-01T00:00:00Z").json();

        assertThat(now.getJsonArray("items").getJsonObject(0).getJsonObject("fact").getString("object")).isEqualTo("moravec-dynamics");
        assertThat(now.getJsonArray("items").getJsonObject(0).getJsonObject("ranks").keySet()).contains("graph", "similarity");
        assertThat(before.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(found -> found.getJsonObject("fact").getString("object"))
                .containsExactly("lindqvist-optics");
        assertThat(get(server, query + "&valid_at=2026-02-01T00:00:00Z&known_at=2026-01-01T00:00:00Z").json().getJsonArray("items"))
                .as("nothing was known on 1 January").isEmpty();
        assertThat(get(server, "/api/v1/memory/facts/search?q=").status()).isEqualTo(400);
        assertThat(get(server, query + "&limit=0").status()).isEqualTo(400);
    }

    @Test
    void should_let_only_writers_forget_an_episode_and_never_a_documents() {
        String id = episode(AegisClient.BASE, "it-" + UUID.randomUUID(), "Odalric Venn works at Parrow Mills.", "2026-02-01T00:00:00Z")
                .json().getString("episode_id");
        String documentId = AegisClient.ingestMarkdown("Episodes", "# Episodes\n\nA document is an episode of memory too.");

        AegisClient.Reply asReader = AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/memory/episodes/" + id)).DELETE(),
                "it-reader-key");
        AegisClient.Reply document = delete(AegisClient.BASE, "/api/v1/memory/episodes/" + documentId);

        assertThat(asReader.status()).isEqualTo(403);
        assertThat(document.status()).as("a document's episode goes with its document").isEqualTo(404);
        assertThat(AegisClient.get("/api/v1/documents/" + documentId).status()).isEqualTo(200);
        AegisClient.delete("/api/v1/documents/" + documentId);
        assertThat(delete(AegisClient.BASE, "/api/v1/memory/episodes/" + id).status()).isEqualTo(204);
    }

    @Test
    void should_keep_the_llm_servers_memory_in_neo4j_and_say_so() {
        String session = "it-" + UUID.randomUUID();
        assertThat(episode(LlmServer.BASE, session, "Ottoline uses Quasarbase.", "2026-02-01T00:00:00Z").status()).isEqualTo(201);

        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + System.getProperty("it.neo4j.port"), AuthTokens.none());
             Session bolt = driver.session()) {
            assertThat(bolt.run("MATCH (e:Episodic {session: $session})-[:MENTIONS]->(:Entity {uuid: 'ottoline'}),"
                            + " (:Entity {uuid: 'ottoline'})-[r:RELATES_TO {name: 'uses'}]->(:Entity {uuid: 'quasarbase'})"
                            + " RETURN r.session AS session, r.group_id AS group, r.valid_at IS NOT NULL AND r.created_at IS NOT NULL AS stamped",
                    Map.of("session", session)).list(row -> row.get("session").asString() + " " + row.get("group").asString() + " "
                    + row.get("stamped").asBoolean()))
                    .singleElement().asString().as("the session, the admin key's memory group, the instants").matches(session + " key:[0-9a-f]{12} true");
        }
        assertThat(get(LlmServer.BASE, "/health/ready").body()).contains("\"temporal_memory\"").contains("\"service\":\"neo4j\"");
        assertThat(PrometheusScrape.parse(get(LlmServer.BASE, "/metrics").body()).value("aegis_service_up", Map.of("service", "neo4j")))
                .isEqualTo(1.0);
    }

    /** The LLM test server reads episodes with its chat chain (aegis.extraction.provider=llm, aegis-coordinator/pom.xml). */
    @Test
    void should_read_an_episode_with_the_language_model_and_not_ask_it_twice() {
        LlmServer.ollamaReplies("Ottilie Brand", "{\"entities\":[{\"name\":\"Ottilie Brand\",\"type\":\"person\"},"
                + "{\"name\":\"Quorvex\",\"type\":\"product\"}],\"facts\":[{\"subject\":\"Ottilie Brand\",\"relation\":\"leads\","
                + "\"object\":\"Quorvex\",\"fact\":\"Ottilie Brand leads the Quorvex rollout.\"}]}");
        String said = "Ottilie Brand has been steering the Quorvex rollout since spring.";

        AegisClient.Reply first = episode(LlmServer.BASE, "it-" + UUID.randomUUID(), said, "2026-04-01T00:00:00Z");
        AegisClient.Reply again = episode(LlmServer.BASE, "it-" + UUID.randomUUID(), said, "2026-04-02T00:00:00Z");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getString("read_by")).isEqualTo("llm");
        assertThat(first.json().getJsonArray("entities").getValuesAs(JsonObject.class)).extracting(e -> e.getString("id") + ":" + e.getString("type"))
                .containsExactly("ottilie-brand:person", "quorvex:product");
        assertThat(first.json().getJsonArray("facts").getValuesAs(JsonObject.class)).filteredOn(f -> f.getString("type").equals("semantic"))
                .extracting(f -> f.getString("subject") + " " + f.getString("relation") + " " + f.getString("object") + ": " + f.getString("content"))
                .containsExactly("ottilie-brand leads quorvex: Ottilie Brand leads the Quorvex rollout.");
        assertThat(again.json().getString("read_by")).isEqualTo("llm");
        assertThat(LlmServer.PROVIDERS.find(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("Ottilie Brand"))
                .withRequestBody(matchingJsonPath("$.format.required[0]", equalTo("entities"))))).as("the second reading came from the cache").hasSize(1);
    }

    @Test
    void should_summarise_an_entity_with_the_language_model_and_again_after_a_contradicting_episode() {
        LlmServer.ollamaReplies("- Perpetua Vane works at Calloway Mills", "Perpetua Vane is on the staff of Calloway Mills.");
        LlmServer.ollamaReplies("- Perpetua Vane joined Brightwater", "Perpetua Vane has moved to Brightwater.");
        String entity = "/api/v1/memory/entities/perpetua-vane";
        assertThat(episode(LlmServer.BASE, "it-" + UUID.randomUUID(), "Perpetua Vane works at Calloway Mills.", "2026-01-10T00:00:00Z")
                .status()).isEqualTo(201);

        assertThat(get(LlmServer.BASE, entity).json().getString("summary")).isEqualTo("Perpetua Vane is on the staff of Calloway Mills.");
        assertThat(get(LlmServer.BASE, "/api/v1/memory/entities?name=perpetua").json().getJsonArray("items").getJsonObject(0).getString("summary"))
                .as("a listing keeps the extractive summaries").isEqualTo("Perpetua Vane works at Calloway Mills.");

        assertThat(episode(LlmServer.BASE, "it-" + UUID.randomUUID(), "Perpetua Vane joined Brightwater.", "2026-03-10T00:00:00Z")
                .status()).isEqualTo(201);
        assertThat(get(LlmServer.BASE, entity).json().getString("summary")).isEqualTo("Perpetua Vane has moved to Brightwater.");
        assertThat(get(LlmServer.BASE, entity).json().getString("summary")).isEqualTo("Perpetua Vane has moved to Brightwater.");
        assertThat(LlmServer.PROVIDERS.find(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("summary of an entity"))
                .withRequestBody(containing("Entity: Perpetua Vane")))).as("once per state of what memory believes").hasSize(2);
    }

    @Test
    void should_let_the_rules_read_an_episode_the_language_model_does_not_answer_in_json() {
        LlmServer.ollamaReplies("Zebulon Marsh", "Zebulon Marsh works at Pellucid Labs, I think.");

        AegisClient.Reply read = episode(LlmServer.BASE, "it-" + UUID.randomUUID(), "Zebulon Marsh joined Pellucid Labs.", "2026-04-01T00:00:00Z");

        assertThat(read.status()).as(read.body()).isEqualTo(201);
        assertThat(read.json().getString("read_by")).isEqualTo("rules");
        assertThat(read.json().getJsonArray("facts").getValuesAs(JsonObject.class)).filteredOn(f -> f.getString("type").equals("semantic"))
                .extracting(f -> f.getString("relation") + " " + f.getString("object")).containsExactly("works_at pellucid-labs");
        assertThat(LlmServer.PROVIDERS.find(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("Zebulon Marsh"))))
                .as("asked again with the reason once").hasSize(2);
    }

    private static List<String> objects(URI server, String path) {
        return get(server, path).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(fact -> fact.getString("object")).toList();
    }

    /** The test server keeps a session's two newest episodic facts (aegis-coordinator/pom.xml). */
    @Test
    void should_remove_what_retention_no_longer_keeps_when_an_admin_asks() {
        String session = "it-" + UUID.randomUUID();
        String oldest = entityOf(episode(session, "Quillfeather wrote the first note.", "2026-11-01T00:00:00Z"), "Quillfeather");
        episode(session, "Brambleton wrote the second note.", "2026-11-02T00:00:00Z");
        String newest = entityOf(episode(session, "Thistlewick wrote the third note.", "2026-11-03T00:00:00Z"), "Thistlewick");
        HttpRequest.Builder retain = HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/admin/memory/retention"))
                .POST(HttpRequest.BodyPublishers.noBody());

        assertThat(AegisClient.send(retain, "it-writer-key").status()).isEqualTo(403);
        AegisClient.Reply run = AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/admin/memory/retention"))
                .POST(HttpRequest.BodyPublishers.noBody()), AegisClient.ADMIN_KEY);

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().getInt("facts_removed")).isGreaterThanOrEqualTo(2);
        assertThat(run.json().getInt("max_per_session")).isEqualTo(2);
        assertThat(AegisClient.get("/api/v1/memory/facts?entity=" + encode(oldest)).json().getInt("total")).isZero();
        assertThat(AegisClient.get("/api/v1/memory/facts?entity=" + encode(newest)).json().getInt("total")).isEqualTo(1);
        assertThat(AegisClient.get("/api/v1/memory/facts?type=episodic&include_invalid=true&limit=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).noneSatisfy(fact -> assertThat(fact.getString("content")).contains("Quillfeather"));
    }

    private static String entityOf(AegisClient.Reply episode, String name) {
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        return episode.json().getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
    }

    @Test
    void should_answer_bad_input_with_a_problem_naming_the_field() {
        assertThat(fieldOf(AegisClient.get("/api/v1/memory/facts?valid_at=yesterday"))).isEqualTo("valid_at");
        assertThat(fieldOf(AegisClient.get("/api/v1/memory/facts?known_at=2026-13-01T00:00:00Z"))).isEqualTo("known_at");
        assertThat(fieldOf(AegisClient.get("/api/v1/memory/facts?type=rumour"))).isEqualTo("type");
        assertThat(fieldOf(AegisClient.get("/api/v1/memory/facts?include_invalid=maybe"))).isEqualTo("include_invalid");
        assertThat(fieldOf(episode("s", "  ", null))).isEqualTo("content");
        assertThat(fieldOf(episode("s", "Something happened.", "last tuesday"))).isEqualTo("reference_time");
        assertThat(AegisClient.post("/api/v1/memory/episodes", "application/json", "{\"session_id\":").status()).isEqualTo(400);
        AegisClient.Reply unknown = AegisClient.get("/api/v1/memory/entities/no-such-entity/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error_type")).isEqualTo("not_found");
        AegisClient.Reply asReader = AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/memory/episodes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"s\",\"content\":\"Hello Kestrel.\"}")), "it-reader-key");
        assertThat(asReader.status()).isEqualTo(403);
    }

    private static String fieldOf(AegisClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }
}
