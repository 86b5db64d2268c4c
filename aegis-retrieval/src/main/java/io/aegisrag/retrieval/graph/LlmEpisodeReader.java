package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.port.ChatChain;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reads an episode with the language model of the chat chain, asked for JSON that follows a schema
 * (Ollama's {@code format}, OpenAI's {@code response_format}): the entities, typed, and the facts
 * relating two of them. The reply is validated and repaired (names trimmed, types outside the list
 * made {@code concept}, a fact's unlisted entity added, relation names canonicalised as the rules
 * name them); a reply that is not the JSON asked for is asked for once more, with the reason. The
 * rules read the episode when no language model answers, when the chain ended at the extractive
 * model, or when the second reply is no better. A reply is cached with its prompt, so an episode
 * sent again costs nothing; tokens and cost are accounted as for any answer.
 */
public final class LlmEpisodeReader implements EpisodeReader {

    private static final Logger LOG = Logger.getLogger(LlmEpisodeReader.class.getName());
    private static final Set<String> TYPES = Set.of("person", "organization", "place", "product", "technology", "concept", "event");
    private static final int MAX_ITEMS = 50;
    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_RELATION_CHARS = 50;
    private static final String SCHEMA = """
            {"type":"object","additionalProperties":false,"required":["entities","facts"],"properties":{
             "entities":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","type"],"properties":{
              "name":{"type":"string"},
              "type":{"type":"string","enum":["person","organization","place","product","technology","concept","event"]}}}},
             "facts":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["subject","relation","object","fact"],"properties":{
              "subject":{"type":"string"},"relation":{"type":"string"},"object":{"type":"string"},"fact":{"type":"string"}}}}}}""";
    private static final String SYSTEM = """
            You extract a knowledge graph from %1$s. List the named entities the %2$s \
            mentions, each with its type, and every fact it states that relates two of them: the subject, the \
            relation, the object and the sentence that states it. Subjects and objects are names from your list of \
            entities. Relations are short lower-case snake_case verbs in the present tense, such as works_at, \
            lives_in, uses, depends_on, reports_to, manages, owns; use works_at for any employment and lives_in for \
            any residence. State only what the %2$s says. Reply with the JSON object only.""";

    private final ChatChain chain;
    private final EpisodeReader rules;
    private final String system;
    private final String label;

    /** Reads episodes of a conversation. */
    public LlmEpisodeReader(ChatChain chain, EpisodeReader rules) {
        this(chain, rules, "one episode of a conversation", "episode");
    }

    private LlmEpisodeReader(ChatChain chain, EpisodeReader rules, String whole, String part) {
        this.chain = chain;
        this.rules = rules;
        this.system = SYSTEM.formatted(whole, part);
        this.label = Character.toUpperCase(part.charAt(0)) + part.substring(1) + ":\n";
    }

    /** Reads passages (chunks) of a document, for the knowledge graph. */
    public static LlmEpisodeReader forDocuments(ChatChain chain, EpisodeReader rules) {
        return new LlmEpisodeReader(chain, rules, "one passage of a document", "passage");
    }

    @Override
    public Reading read(String content) {
        String user = label + content;
        try {
            Optional<String> reply = reply(content, user);
            if (reply.isEmpty()) {
                return rules.read(content);
            }
            try {
                return parse(reply.get());
            } catch (InvalidReply first) {
                Optional<String> again = reply(content, user + "\n\nYour previous reply was not the JSON asked for (" + first.getMessage()
                        + "). Reply again with the JSON object only.");
                return again.isPresent() ? parse(again.get()) : rules.read(content);
            }
        } catch (InvalidReply e) {
            LOG.warning("the language model's reading of an episode was not valid twice (" + e.getMessage() + "); the rules read it");
        } catch (LlmException e) {
            LOG.warning("no language model read the episode (" + e.failure().label() + "); the rules read it: " + e.getMessage());
        }
        return rules.read(content);
    }

    /** The model's reply, or empty when the chain ended at the extractive model, which cannot read. */
    private Optional<String> reply(String content, String user) {
        Prompt prompt = new Prompt(content, List.of(), system, user, (system.length() + user.length()) / 4, SCHEMA);
        Answer answer = chain.complete(prompt);
        return answer.provider().equals(ChatChain.EXTRACTIVE) ? Optional.empty() : Optional.of(answer.text());
    }

    private static Reading parse(String reply) {
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(reply.strip())).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidReply("not a JSON object");
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (JsonObject item : objects(json, "entities")) {
            name(item, "name").ifPresent(name -> entities.putIfAbsent(Entity.idOf(name), Entity.named(name, type(item))));
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonObject item : objects(json, "facts")) {
            Optional<String> subject = name(item, "subject");
            Optional<String> object = name(item, "object");
            Optional<String> relation = name(item, "relation").map(RelationStatements::canonical)
                    .filter(name -> name.matches("[\\p{Ll}\\p{N}_]{1," + MAX_RELATION_CHARS + "}"));
            if (subject.isEmpty() || object.isEmpty() || relation.isEmpty()) {
                continue;
            }
            Entity from = entities.computeIfAbsent(Entity.idOf(subject.get()), id -> Entity.named(subject.get(), "concept"));
            Entity to = entities.computeIfAbsent(Entity.idOf(object.get()), id -> Entity.named(object.get(), "concept"));
            String sentence = name(item, "fact").orElse(from.name() + " " + relation.get().replace('_', ' ') + " " + to.name());
            statements.add(new Statement(from, relation.get(), to, sentence));
        }
        return new Reading(entities.values().stream().limit(MAX_ITEMS * 2L).toList(), statements, "llm");
    }

    private static List<JsonObject> objects(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidReply("'" + field + "' is not an array");
        }
        return value.asJsonArray().stream().filter(item -> item.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject).limit(MAX_ITEMS).toList();
    }

    private static Optional<String> name(JsonObject item, String field) {
        return item.get(field) instanceof JsonString text && !text.getString().isBlank()
                ? Optional.of(text.getString().strip().replaceAll("\\s+", " ")).filter(name -> name.length() <= MAX_NAME_CHARS)
                : Optional.empty();
    }

    private static String type(JsonObject item) {
        return name(item, "type").map(type -> type.toLowerCase(Locale.ROOT)).filter(TYPES::contains).orElse("concept");
    }

    /** A reply that is not the JSON asked for. */
    private static final class InvalidReply extends RuntimeException {

        InvalidReply(String reason) {
            super(reason);
        }
    }
}
