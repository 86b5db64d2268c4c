package it.io.aegisrag.coordinator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory belongs to its caller (aegis.auth.mode=api-key on the test server): two writers' episodes, facts
 * and sessions are invisible to each other through every route that reads memory, a reader with a key
 * of its own sees neither, and an admin reads both.
 */
class MemoryGroupsIT {

    private static final String ANN = "it-writer-key";
    private static final String BEN = "it-other-writer-key";
    private static final String READER = "it-reader-key";
    private static final String ADMIN = AegisClient.ADMIN_KEY;
    private static final String QUESTION = "Where does Ysolde Carrow work?";

    private static AegisClient.Reply get(String path, String key) {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve(path)).GET(), key);
    }

    private static AegisClient.Reply delete(String path, String key) {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve(path)).DELETE(), key);
    }

    private static AegisClient.Reply post(String path, String body, String key) {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    private static JsonObject episode(String key, String session, String content) {
        AegisClient.Reply recorded = post("/api/v1/memory/episodes", Json.createObjectBuilder().add("session_id", session)
                .add("content", content).add("reference_time", "2026-02-01T00:00:00Z").build().toString(), key);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json();
    }

    private static String groupOf(JsonObject episode) {
        return episode.getJsonArray("facts").getJsonObject(0).getString("group_id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> objects(String path, String key) {
        AegisClient.Reply reply = get(path, key);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(fact -> fact.containsKey("fact") ? fact.getJsonObject("fact") : fact)
                .filter(fact -> fact.containsKey("object")).map(fact -> fact.getString("object")).toList();
    }

    private static List<String> sourceTexts(AegisClient.Reply answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("sources").getValuesAs(JsonObject.class).stream().map(source -> source.getString("text")).toList();
    }

    private static AegisClient.Reply ask(String key, String session) {
        var body = Json.createObjectBuilder().add("query", QUESTION).add("mode", "memory").add("model", "extractive");
        if (session != null) {
            body.add("session_id", session);
        }
        return post("/api/v1/query", body.build().toString(), key);
    }

    private static String mcpFactSearch(String key) {
        AegisClient.Reply reply = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"search_memory_facts\","
                + "\"arguments\":{\"query\":\"" + QUESTION + "\"}}}", key);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String json = reply.body().startsWith("data:") ? reply.body().substring(reply.body().indexOf('{')) : reply.body();
        JsonObject result = Json.createReader(new StringReader(json)).readObject().getJsonObject("result");
        assertThat(result.getBoolean("isError")).as(json).isFalse();
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    @Test
    void should_keep_two_keys_facts_apart_through_every_route_and_the_memory_retriever() {
        String session = "it-groups-" + UUID.randomUUID();
        JsonObject ann = episode(ANN, session, "Ysolde Carrow works at Fenwick Dyes.");
        JsonObject ben = episode(BEN, session, "Ysolde Carrow works at Marrow Glassworks.");
        assertThat(groupOf(ann)).startsWith("key:").isNotEqualTo(groupOf(ben));
        String facts = "/api/v1/memory/facts?type=semantic&entity=ysolde-carrow";

        assertThat(objects(facts, ANN)).containsExactly("fenwick-dyes");
        assertThat(objects(facts, BEN)).as("Ben's statement contradicts nothing of Ann's").containsExactly("marrow-glassworks");
        assertThat(objects(facts, READER)).isEmpty();
        assertThat(objects(facts, ADMIN)).containsExactlyInAnyOrder("fenwick-dyes", "marrow-glassworks");
        assertThat(objects("/api/v1/memory/facts/search?q=" + encode(QUESTION), ANN)).contains("fenwick-dyes").doesNotContain("marrow-glassworks");
        assertThat(objects("/api/v1/memory/facts/search?q=" + encode(QUESTION) + "&center=Ysolde%20Carrow", BEN))
                .contains("marrow-glassworks").doesNotContain("fenwick-dyes");

        JsonObject annsEntity = get("/api/v1/memory/entities/ysolde-carrow", ANN).json();
        assertThat(annsEntity.getString("summary")).contains("Fenwick").doesNotContain("Marrow");
        assertThat(annsEntity.getJsonArray("episodes").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly(ann.getString("episode_id"));
        assertThat(get("/api/v1/memory/entities?name=ysolde", BEN).json().getJsonArray("items").getValuesAs(JsonObject.class))
                .singleElement().satisfies(entity -> assertThat(entity.getString("summary")).contains("Marrow").doesNotContain("Fenwick"));
        assertThat(get("/api/v1/memory/entities/ysolde-carrow", READER).status()).isEqualTo(404);
        assertThat(get("/api/v1/memory/entities/ysolde-carrow/history", ANN).body()).contains("Fenwick").doesNotContain("Marrow");
        assertThat(get("/api/v1/memory/entities/ysolde-carrow/history", READER).status()).isEqualTo(404);

        assertThat(get("/api/v1/memory/episodes?session_id=" + session, ANN).json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(episode -> episode.getString("episode_id")).containsExactly(ann.getString("episode_id"));
        assertThat(delete("/api/v1/memory/episodes/" + ben.getString("episode_id"), ANN).status())
                .as("Ann cannot forget what Ben said").isEqualTo(404);
        assertThat(objects(facts, BEN)).containsExactly("marrow-glassworks");

        assertThat(sourceTexts(ask(ANN, null))).anyMatch(text -> text.contains("Fenwick")).noneMatch(text -> text.contains("Marrow"));
        assertThat(sourceTexts(ask(BEN, null))).anyMatch(text -> text.contains("Marrow")).noneMatch(text -> text.contains("Fenwick"));
        assertThat(sourceTexts(ask(READER, null))).noneMatch(text -> text.contains("Marrow") || text.contains("Fenwick"));
        AegisClient.Reply openAi = post("/v1/chat/completions", "{\"model\":\"aegisrag-memory\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + QUESTION + "\"}]}", ANN);
        assertThat(sourceTexts(openAi)).anyMatch(text -> text.contains("Fenwick")).noneMatch(text -> text.contains("Marrow"));
        AegisClient.Reply ollama = post("/api/chat", "{\"model\":\"aegisrag-memory\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\""
                + QUESTION + "\"}]}", BEN);
        assertThat(sourceTexts(ollama)).anyMatch(text -> text.contains("Marrow")).noneMatch(text -> text.contains("Fenwick"));
        assertThat(mcpFactSearch(ANN)).contains("Fenwick").doesNotContain("Marrow");
        assertThat(mcpFactSearch(READER)).doesNotContain("Fenwick").doesNotContain("Marrow");

        assertThat(delete("/api/v1/memory/episodes/" + ben.getString("episode_id"), ADMIN).status()).as("an admin may").isEqualTo(204);
        assertThat(delete("/api/v1/memory/episodes/" + ann.getString("episode_id"), ANN).status()).isEqualTo(204);
        assertThat(objects(facts, ADMIN)).isEmpty();
    }

    @Test
    void should_keep_each_keys_sessions_to_itself_and_let_only_an_admin_name_another_group() {
        String session = "it-groups-" + UUID.randomUUID();
        String annsGroup = groupOf(episode(ANN, "it-groups-" + UUID.randomUUID(), "Odile Marsh works at Tern Kilns."));
        assertThat(ask(ANN, session).status()).isEqualTo(200);
        String turns = "/api/v1/memory/sessions/" + session;

        assertThat(get(turns, ANN).status()).isEqualTo(200);
        assertThat(get(turns, BEN).status()).as("the same session id is another conversation").isEqualTo(404);
        assertThat(get(turns, ADMIN).status()).isEqualTo(404);
        assertThat(get(turns + "?group=" + encode(annsGroup), ADMIN).json().getJsonArray("turns").getJsonObject(0).getString("question"))
                .isEqualTo(QUESTION);
        AegisClient.Reply refused = get(turns + "?group=" + encode(annsGroup), READER);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Ysolde");
        assertThat(delete(turns, BEN).status()).isEqualTo(404);
        assertThat(delete(turns, ANN).status()).isEqualTo(204);
        assertThat(get(turns, ANN).status()).isEqualTo(404);
    }
}
