package it.io.aegisrag.coordinator;

import io.aegisrag.deploy.ExternalTool;
import io.aegisrag.observability.testing.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official clients of the three protocols, run by Node.js against the test server: OpenAI's SDK
 * ({@code openai}), Ollama's library ({@code ollama}) and the MCP TypeScript SDK
 * ({@code @modelcontextprotocol/sdk}), pinned in src/test/node/package-lock.json and installed with
 * {@code npm ci}. Each script calls the service as a user of that client would and prints what it
 * received; the assertions are here. Without Node.js and npm (Debian's nodejs and npm, which .ci/run
 * installs) the tests are skipped, and fail under CI.
 */
class ProtocolClientsIT {

    private static final Path SCRIPTS = Path.of("src/test/node");
    private static final Path CLIENTS = Path.of("target/node-clients");
    private static final String KEY = "it-protocol-key";
    private static final String WRITER_KEY = "it-writer-key";
    private static final String TITLE = "Valdora harbour cranes";
    private static final String QUESTION = "How often is the slewing brake of a gantry crane inspected?";
    private static final String MARKDOWN = """
            # Valdora harbour cranes

            The Port of Valdora runs four gantry cranes on its eastern quay.

            ## Maintenance

            The slewing brake of each gantry crane is inspected every 400 operating hours by the Marlow Engineering crew.
            A crane whose brake fails inspection stays locked until Marlow Engineering signs it off.
            """;

    private static String documentId;
    private static final List<String> writtenByMcp = new ArrayList<>();
    private static final List<String> writtenOnLlmServer = new ArrayList<>();

    @BeforeAll
    static void installClientsAndIngest() throws IOException, InterruptedException {
        ExternalTool.require("node");
        ExternalTool.require("npm");
        Files.createDirectories(CLIENTS);
        try (var files = Files.list(SCRIPTS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, CLIENTS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(CLIENTS.resolve("node_modules"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENTS.toFile())
                    .redirectErrorStream(true).redirectOutput(CLIENTS.resolve("npm-ci.log").toFile()).start();
            assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as(Files.readString(CLIENTS.resolve("npm-ci.log"))).isZero();
        }
        documentId = AegisClient.ingestMarkdown(TITLE, MARKDOWN);
    }

    @AfterAll
    static void deleteDocuments() {
        AegisClient.delete("/api/v1/documents/" + documentId);
        writtenByMcp.forEach(id -> AegisClient.delete("/api/v1/documents/" + id));
        writtenOnLlmServer.forEach(id -> AegisClient.send(HttpRequest.newBuilder(LlmServer.BASE.resolve("/api/v1/documents/" + id)).DELETE(),
                AegisClient.ADMIN_KEY));
    }

    @Test
    void should_answer_the_openai_sdk_plain_streamed_and_with_embeddings_citing_the_document() {
        PrometheusScrape before = AegisClient.scrape();

        JsonObject out = run("openai-client.mjs");

        assertThat(strings(out.getJsonArray("models"))).containsExactly("aegisrag", "aegisrag-vector", "aegisrag-graph", "aegisrag-hybrid",
                "aegisrag-memory");
        JsonObject chat = out.getJsonObject("chat");
        assertThat(chat.getString("object")).isEqualTo("chat.completion");
        assertThat(chat.getString("role")).isEqualTo("assistant");
        assertThat(chat.getString("content")).contains("400 operating hours").contains("[1]");
        assertThat(chat.getString("finish_reason")).isEqualTo("stop");
        assertThat(strings(chat.getJsonArray("source_titles")).get(0)).isEqualTo(TITLE);
        assertThat(chat.getJsonObject("usage").keySet()).contains("prompt_tokens", "completion_tokens", "total_tokens");

        JsonObject stream = out.getJsonObject("stream");
        assertThat(stream.getString("content")).isEqualTo(chat.getString("content"));
        assertThat(stream.getInt("chunks")).as("role, answer, finish with sources, usage").isGreaterThanOrEqualTo(4);
        assertThat(stream.getInt("ids")).as("one id on every chunk").isEqualTo(1);
        assertThat(stream.getString("finish_reason")).isEqualTo("stop");
        assertThat(stream.get("usage").getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
        assertThat(strings(stream.getJsonArray("source_titles")).get(0)).isEqualTo(TITLE);

        JsonObject followUp = out.getJsonObject("follow_up");
        assertThat(followUp.getString("content")).as("'and who inspects it?' read with the question before it").contains("Marlow");
        assertThat(strings(followUp.getJsonArray("source_titles"))).contains(TITLE);

        JsonObject embeddings = out.getJsonObject("embeddings");
        assertThat(embeddings.getInt("count")).isEqualTo(2);
        assertThat(embeddings.getInt("dimension")).isEqualTo(384);
        assertThat(embeddings.getBoolean("same_in_both_encodings")).as("base64 (the SDK's default) decodes to the floats").isTrue();
        assertThat(embeddings.getBoolean("differ_between_inputs")).isTrue();

        assertThat(out.getJsonObject("unknown_model").getInt("status")).isEqualTo(404);
        assertThat(out.getJsonObject("unknown_model").getString("message")).contains("gpt-4o");
        JsonObject badMessages = out.getJsonObject("bad_messages");
        assertThat(badMessages.getInt("status")).isEqualTo(400);
        assertThat(badMessages.getString("type")).isEqualTo("invalid_request_error");
        assertThat(badMessages.getString("param")).isEqualTo("messages[0].role");
        assertThat(out.getJsonObject("wrong_key").getInt("status")).isEqualTo(401);
        assertThat(out.getJsonObject("wrong_key").getString("name")).isEqualTo("AuthenticationError");

        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_api_requests_total", Map.of("protocol", "openai", "status", "2xx")))
                .as("models, chat, stream, follow-up, two embeddings").isEqualTo(6);
        assertThat(after.increaseSince(before, "aegis_api_requests_total", Map.of("protocol", "openai", "status", "4xx"))).isEqualTo(3);
        assertThat(queriesSince(before, after)).as("chat, stream, follow-up").isEqualTo(3);
    }

    @Test
    void should_answer_the_ollama_library_plain_and_streamed_citing_the_document() {
        PrometheusScrape before = AegisClient.scrape();

        JsonObject out = run("ollama-client.mjs");

        assertThat(strings(out.getJsonArray("tags"))).contains("aegisrag:latest", "aegisrag-vector:latest");
        assertThat(out.getJsonObject("show").getString("family")).isEqualTo("aegisrag");
        JsonObject chat = out.getJsonObject("chat");
        assertThat(chat.getString("role")).isEqualTo("assistant");
        assertThat(chat.getString("content")).contains("400 operating hours").contains("[1]");
        assertThat(chat.getBoolean("done")).isTrue();
        assertThat(strings(chat.getJsonArray("source_titles")).get(0)).isEqualTo(TITLE);

        JsonObject stream = out.getJsonObject("stream");
        assertThat(stream.getString("content")).contains("400 operating hours").contains("[1]");
        assertThat(stream.getInt("parts")).as("the answer, then done").isGreaterThanOrEqualTo(2);
        assertThat(stream.getBoolean("done")).isTrue();
        assertThat(stream.getString("done_reason")).isEqualTo("stop");
        assertThat(stream.getJsonNumber("total_duration").longValue()).isPositive();
        assertThat(strings(stream.getJsonArray("source_titles")).get(0)).isEqualTo(TITLE);
        assertThat(out.getString("generate")).contains("400 operating hours");

        assertThat(out.getJsonObject("unknown_model").getInt("status")).isEqualTo(404);
        assertThat(out.getJsonObject("unknown_model").getString("message")).contains("llama3.2");
        assertThat(out.getJsonObject("wrong_key").getInt("status")).isEqualTo(401);

        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_api_requests_total", Map.of("protocol", "ollama", "status", "2xx")))
                .as("tags, show, chat, streamed chat, generate").isEqualTo(5);
        assertThat(after.increaseSince(before, "aegis_api_requests_total", Map.of("protocol", "ollama", "status", "4xx"))).isEqualTo(2);
        assertThat(queriesSince(before, after)).isEqualTo(3);
    }

    @Test
    void should_serve_the_mcp_sdk_its_tools_and_resources_with_roles() {
        PrometheusScrape before = AegisClient.scrape();

        JsonObject out = run("mcp-client.mjs");

        assertThat(out.getJsonObject("server").getString("name")).isEqualTo("aegisrag");
        List<JsonObject> tools = out.getJsonArray("tools").getValuesAs(JsonObject.class);
        assertThat(tools).extracting(tool -> tool.getString("name"))
                .containsExactly("search", "ask", "add_document", "add_memory_episode", "search_memory_facts", "get_entity");
        assertThat(tools).allSatisfy(tool -> assertThat(tool.getString("description")).hasSizeGreaterThan(60));
        assertThat(strings(tools.get(0).getJsonArray("required"))).containsExactly("query");

        JsonObject search = result(out, "search");
        assertThat(search.getJsonArray("passages").getJsonObject(0).getString("title")).isEqualTo(TITLE);
        assertThat(search.getJsonArray("passages").getJsonObject(0).getString("section")).isEqualTo("Valdora harbour cranes > Maintenance");
        JsonObject ask = result(out, "ask");
        assertThat(ask.getString("answer")).contains("400 operating hours").contains("[1]");
        assertThat(ask.getJsonArray("sources").getJsonObject(0).getString("document_id")).isEqualTo(documentId);
        JsonObject entity = result(out, "get_entity").getJsonObject("entity");
        assertThat(entity.getString("name")).isEqualTo("Marlow Engineering");
        assertThat(entity.getJsonArray("chunks").getValuesAs(JsonObject.class)).extracting(chunk -> chunk.getString("document_id"))
                .contains(documentId);

        JsonObject refused = out.getJsonObject("add_document_as_reader");
        assertThat(refused.getBoolean("is_error")).isTrue();
        assertThat(refused.getJsonObject("json").getString("error_type")).isEqualTo("permission_error");
        String added = result(out, "add_document").getString("document_id");
        writtenByMcp.add(added);
        assertThat(result(out, "search_new_document").getJsonArray("passages").getJsonObject(0).getString("document_id")).isEqualTo(added);

        assertThat(result(out, "add_memory_episode").getJsonArray("facts").getValuesAs(JsonObject.class))
                .anySatisfy(fact -> assertThat(fact.getString("relation", "")).isEqualTo("works_at"));
        assertThat(result(out, "search_memory_facts").getJsonArray("items").getValuesAs(JsonObject.class)).first().satisfies(found -> {
            assertThat(found.getJsonObject("fact").getString("object")).isEqualTo("quillon-labs");
            assertThat(found.getJsonObject("ranks").keySet()).contains("words", "graph");
        });
        assertThat(result(out, "search_memory_facts_before").getJsonArray("items")).as("nothing was true before 5 January").isEmpty();
        assertThat(result(out, "search_memory_facts_as_reader").getJsonArray("items")).as("the writer key's memory, not the reader key's").isEmpty();

        JsonObject badArguments = out.getJsonObject("bad_arguments");
        assertThat(badArguments.getBoolean("is_error")).isTrue();
        assertThat(badArguments.getJsonObject("json").getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("top_k");

        JsonObject resources = out.getJsonObject("resources");
        assertThat(strings(resources.getJsonArray("uris"))).containsExactly("aegis://documents");
        assertThat(strings(resources.getJsonArray("templates"))).containsExactly("aegis://documents/{id}");
        assertThat(strings(resources.getJsonArray("document_titles"))).contains(TITLE, "MCP field notes");
        assertThat(resources.getString("read_title")).isEqualTo("MCP field notes");
        assertThat(out.getJsonObject("wrong_key").getString("message")).contains("401");

        PrometheusScrape after = AegisClient.scrape();
        assertThat(after.increaseSince(before, "aegis_api_requests_total", Map.of("protocol", "mcp", "status", "2xx")))
                .as("every tool call, listing and read").isGreaterThanOrEqualTo(16);
        assertThat(after.increaseSince(before, "aegis_api_requests_total", Map.of("protocol", "mcp", "status", "4xx")))
                .as("the unknown key").isGreaterThanOrEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "permission_error"))).isEqualTo(1);
    }

    @Test
    void should_stream_a_language_models_pieces_to_the_openai_sdk_as_they_come_and_raise_its_failure() {
        LlmServer.ollamaHasPulledItsModels();
        writtenOnLlmServer.add(LlmServer.ingest(TITLE, MARKDOWN));
        String answered = "openai-sdk-" + UUID.randomUUID();
        LlmServer.ollamaAnswers(answered, "Every 400 ", "operating hours ", "[1].");

        JsonObject out = run("openai-stream.mjs", LlmServer.BASE, QUESTION + " " + answered);

        assertThat(out.get("error").getValueType()).as(out.toString()).isEqualTo(JsonValue.ValueType.NULL);
        assertThat(strings(out.getJsonArray("pieces"))).as("each piece as Ollama wrote it").containsExactly("Every 400 ", "operating hours ", "[1].");
        assertThat(out.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(30);
        assertThat(out.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(8);
        assertThat(out.getJsonObject("usage").getInt("total_tokens")).isEqualTo(38);
        assertThat(strings(out.getJsonArray("source_titles")).get(0)).isEqualTo(TITLE);

        String broken = "openai-sdk-" + UUID.randomUUID();
        LlmServer.ollamaBreaksOffMidAnswer(broken);
        JsonObject failed = run("openai-stream.mjs", LlmServer.BASE, QUESTION + " " + broken);

        assertThat(strings(failed.getJsonArray("pieces"))).containsExactly("Qdrant is ");
        assertThat(failed.getJsonObject("error").getString("message")).contains("runner process has terminated");
    }

    private static double queriesSince(PrometheusScrape before, PrometheusScrape after) {
        return after.samples("aegis_queries_total", Map.of()).stream()
                .mapToDouble(sample -> after.increaseSince(before, "aegis_queries_total", sample.labels())).sum();
    }

    private static JsonObject result(JsonObject out, String call) {
        JsonObject result = out.getJsonObject(call);
        assertThat(result.getBoolean("is_error")).as(call + ": " + result).isFalse();
        return result.getJsonObject("json");
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** Runs one client script against the test server and reads the JSON object it prints. */
    private static JsonObject run(String script) {
        return run(script, AegisClient.BASE, QUESTION);
    }

    private static JsonObject run(String script, URI server, String question) {
        try {
            ProcessBuilder node = new ProcessBuilder("node", script).directory(CLIENTS.toFile());
            node.environment().putAll(Map.of("AEGIS_URL", server.toString(), "AEGIS_KEY", KEY, "AEGIS_WRITER_KEY", WRITER_KEY,
                    "AEGIS_QUESTION", question, "AEGIS_ENTITY", "Marlow Engineering"));
            Path errors = CLIENTS.resolve(script + ".stderr");
            Process process = node.redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(script + " finished").isTrue();
            assertThat(process.exitValue()).as(script + " failed: " + Files.readString(errors)).isZero();
            return Json.createReader(new StringReader(output)).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
