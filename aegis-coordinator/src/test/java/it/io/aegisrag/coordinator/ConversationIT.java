package it.io.aegisrag.coordinator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations on Liberty: a follow-up resolved against the previous turn, the session endpoints, Redis on the LLM server. */
class ConversationIT {

    private static String kestrel;
    private static String vireo;

    @BeforeAll
    static void ingest() {
        kestrel = AegisClient.ingestMarkdown("Kestrel cache", """
                # Kestrel cache

                ## Eviction

                Kestrel evicts entries with the quokka-lru policy when its memory is full.

                ## Changing the policy

                To change the eviction policy of Kestrel, set kestrel.policy in kestrel.conf and restart the node.
                """);
        vireo = AegisClient.ingestMarkdown("Vireo merges", """
                # Vireo merges

                To change the merge policy of Vireo, edit vireo.yaml: a change takes effect at the next flush, and a change
                of the merge factor changes how many segments a merge takes.
                """);
    }

    @AfterAll
    static void deleteDocuments() {
        AegisClient.delete("/api/v1/documents/" + kestrel);
        AegisClient.delete("/api/v1/documents/" + vireo);
    }

    private static JsonObject ask(String session, String question) {
        AegisClient.Reply reply = AegisClient.postJson("/api/v1/query", Json.createObjectBuilder()
                .add("query", question).add("session_id", session).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void should_resolve_a_follow_up_question_against_the_previous_turn_of_its_session() {
        String session = "it-" + UUID.randomUUID();
        JsonObject first = ask(session, "Which policy does Kestrel use to evict entries?");
        assertThat(first.containsKey("resolved_query")).isFalse();
        assertThat(first.getJsonArray("sources").getJsonObject(0).getString("document_id")).isEqualTo(kestrel);

        JsonObject followUp = ask(session, "And how do I change it?");
        JsonObject alone = ask("it-" + UUID.randomUUID(), "And how do I change it?");

        assertThat(followUp.getString("resolved_query")).isEqualTo("Which policy does Kestrel use to evict entries? And how do I change it?");
        assertThat(followUp.getJsonArray("sources").getJsonObject(0).getString("document_id")).isEqualTo(kestrel);
        assertThat(followUp.getString("answer")).contains("kestrel.policy");
        assertThat(alone.containsKey("resolved_query")).isFalse();
    }

    @Test
    void should_show_a_sessions_turns_and_let_only_a_writer_of_its_own_key_forget_them() {
        String session = "it-" + UUID.randomUUID();
        ask(session, "Which policy does Kestrel use to evict entries?");
        ask(session, "How do I change the Kestrel eviction policy?");

        AegisClient.Reply shown = AegisClient.get("/api/v1/memory/sessions/" + session);

        assertThat(shown.status()).isEqualTo(200);
        JsonArray turns = shown.json().getJsonArray("turns");
        assertThat(turns.getValuesAs(JsonObject.class)).extracting(turn -> turn.getString("question"))
                .containsExactly("Which policy does Kestrel use to evict entries?", "How do I change the Kestrel eviction policy?");
        JsonObject last = turns.getJsonObject(1);
        assertThat(last.getString("answer")).isNotBlank();
        assertThat(last.getJsonArray("sources").getJsonObject(0).getString("title")).isEqualTo("Kestrel cache");
        assertThat(last.getString("at")).isNotBlank();

        assertThat(forget(session, "it-reader-key")).isEqualTo(403);
        assertThat(forget(session, "it-writer-key")).as("another key's session of the same id: none").isEqualTo(404);
        assertThat(forget(session, AegisClient.ADMIN_KEY)).isEqualTo(204);
        assertThat(AegisClient.get("/api/v1/memory/sessions/" + session).status()).isEqualTo(404);
        assertThat(forget(session, AegisClient.ADMIN_KEY)).isEqualTo(404);
    }

    private static int forget(String session, String key) {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve("/api/v1/memory/sessions/" + session)).DELETE(), key).status();
    }

    @Test
    void should_answer_an_unknown_session_with_a_problem() {
        AegisClient.Reply unknown = AegisClient.get("/api/v1/memory/sessions/never-seen");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().getString("error_type")).isEqualTo("not_found");
    }

    @Test
    void should_keep_the_llm_servers_turns_in_redis() {
        boolean redis = "redis".equals(System.getProperty("it.llm.short-term.provider"));
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(redis, "redis-server is not installed: the LLM test server keeps its turns in Caffeine");
        }
        assertThat(redis).as("under CI the LLM test server keeps its turns in Redis").isTrue();
        String session = "it-" + UUID.randomUUID();
        LlmServer.postJson("/api/v1/query", Json.createObjectBuilder().add("query", "Which language is Qdrant written in?")
                .add("session_id", session).build());

        JsonObject kept = LlmServer.read("/api/v1/memory/sessions/" + session, AegisClient.ADMIN_KEY).json();
        JsonObject shortTerm = LlmServer.read("/health/ready", null).json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("short_term_memory")).findFirst().orElseThrow();

        assertThat(kept.getJsonArray("turns").getJsonObject(0).getString("question")).isEqualTo("Which language is Qdrant written in?");
        assertThat(shortTerm.getString("status")).isEqualTo("UP");
        assertThat(shortTerm.getJsonObject("data").getString("service")).isEqualTo("redis");
        assertThat(LlmServer.scrape().value("aegis_service_up", java.util.Map.of("service", "redis"))).isEqualTo(1);
    }
}
