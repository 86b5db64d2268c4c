package io.aegisrag.coordinator.mcp;

import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.ingest.IngestionService;
import io.aegisrag.coordinator.query.QueryRequest;
import io.aegisrag.coordinator.query.QueryService;
import io.aegisrag.coordinator.rest.DocumentResource;
import io.aegisrag.coordinator.rest.GraphResource;
import io.aegisrag.coordinator.rest.JsonFields;
import io.aegisrag.coordinator.rest.JsonbResolver;
import io.aegisrag.coordinator.rest.MemoryResource;
import io.aegisrag.coordinator.rest.ProblemResponder;
import io.aegisrag.coordinator.rest.RequestValidator;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.error.NotFoundException;
import io.aegisrag.core.graph.Entity;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The MCP tools and resources: each tool reads its arguments as the REST API reads a body (a wrong
 * type names the argument), calls the service the REST API calls, and answers JSON in snake_case, the
 * REST API's shapes; a failure is a tool result with {@code isError} and the problem's detail, counted
 * as the REST API counts it.
 */
@ApplicationScoped
public class McpTools {

    static final String DOCUMENTS_URI = "aegis://documents";
    private static final String DOCUMENT_URI_PREFIX = DOCUMENTS_URI + "/";
    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);
    private static final int DEFAULT_FACTS = 10;

    @Inject
    CurrentCaller caller;

    @Inject
    QueryService queries;

    @Inject
    IngestionService documents;

    @Inject
    DocumentResource documentViews;

    @Inject
    MemoryResource memory;

    @Inject
    GraphResource graph;

    @Inject
    RequestValidator validator;

    @Inject
    ProblemResponder problems;

    /** Every tool, with its JSON schema. */
    List<SyncToolSpecification> tools(McpJsonMapper json) {
        return List.of(
                tool(json, "search", "Search the indexed documents: the passages that best match a question, ranked, each with its document,"
                        + " title, source, section, page, text and the scores of the retrievers that found it. Use it to find"
                        + " evidence; use ask for a written answer.", McpSchemas.SEARCH, Role.READER, this::search),
                tool(json, "ask", "Answer a question from the indexed documents: the answer cites its sources as [n], the n-th of"
                        + " sources. Give session_id to ask follow-up questions in the same conversation.", McpSchemas.ASK, Role.READER, this::ask),
                tool(json, "add_document", "Add a document (Markdown or plain text) to the index, so that search and ask find it."
                        + " Needs the writer role.", McpSchemas.ADD_DOCUMENT, Role.WRITER, this::addDocument),
                tool(json, "add_memory_episode", "Record an episode of a conversation in temporal memory: the entities it mentions"
                        + " and the relations it states become facts, valid from reference_time; a contradicting fact ends the"
                        + " validity of the older one. Needs the writer role.", McpSchemas.ADD_MEMORY_EPISODE, Role.WRITER, this::addEpisode),
                tool(json, "search_memory_facts", "Facts of temporal memory true at valid_at as the service knew them at known_at"
                        + " (both ISO-8601, default now). With query: the facts that best match it, ranked by their words, by graph"
                        + " distance from entity (else from the entities the query names) and by meaning, each with its score. Without:"
                        + " the facts about entity (or all), oldest first.",
                        McpSchemas.SEARCH_MEMORY_FACTS, Role.READER, this::searchFacts),
                tool(json, "get_entity", "An entity of the knowledge graph extracted from the documents, found by name: its"
                        + " relations, the chunks that mention it, and its neighbours up to depth relations away.",
                        McpSchemas.GET_ENTITY, Role.READER, this::entity));
    }

    /** The list of documents, a resource. */
    SyncResourceSpecification documentList() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(DOCUMENTS_URI).name("documents")
                .description("The indexed documents, newest first (the 100 latest)").mimeType("application/json").build();
        return new SyncResourceSpecification(resource, (context, request) -> read(request.uri(),
                JSON.toJson(documentViews.list("0", "100"))));
    }

    /** Each document, a resource by its id. */
    SyncResourceTemplateSpecification document() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(DOCUMENT_URI_PREFIX + "{id}")
                .name("document").description("One indexed document: its title, source, metadata and text").mimeType("application/json").build();
        return new SyncResourceTemplateSpecification(template, (context, request) -> read(request.uri(),
                JSON.toJson(documentViews.get(request.uri().substring(DOCUMENT_URI_PREFIX.length())))));
    }

    private Object search(JsonFields arguments) {
        return Map.of("passages", queries.search(question(arguments, "query", null), caller.get().memory()));
    }

    private Object ask(JsonFields arguments) {
        return queries.query(question(arguments, "question", arguments.string("session_id")), caller.get().memory());
    }

    private Object addDocument(JsonFields arguments) {
        return documents.ingest(validator.valid(new DocumentRequest(arguments.string("title"), arguments.string("source"),
                arguments.string("text"), arguments.strings("metadata"))));
    }

    private Object addEpisode(JsonFields arguments) {
        return memory.record(arguments);
    }

    private Object searchFacts(JsonFields arguments) {
        Integer limit = arguments.integer("limit");
        String size = String.valueOf(limit == null ? DEFAULT_FACTS : limit);
        String entity = arguments.string("entity");
        if (arguments.string("query") != null) {
            return memory.searchFacts(arguments.string("query"), entity, arguments.string("valid_at"), arguments.string("known_at"), size);
        }
        return memory.facts(entity == null ? null : Entity.idOf(entity), arguments.string("type"), arguments.string("valid_at"),
                arguments.string("known_at"), "false", "0", size);
    }

    private Object entity(JsonFields arguments) {
        String name = arguments.string("name");
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must name an entity");
        }
        Integer depth = arguments.integer("depth");
        GraphResource.EntityView found = graph.entities(name, null, "1").items().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("entity", name));
        return Map.of("entity", graph.entity(found.id()), "neighborhood", graph.neighbors(found.id(), String.valueOf(depth == null ? 1 : depth)));
    }

    private QueryRequest question(JsonFields arguments, String field, String sessionId) {
        String text = arguments.string(field);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must be the question, not blank");
        }
        return validator.valid(new QueryRequest(text, arguments.string("mode"), arguments.integer("top_k"), sessionId, null, null));
    }

    private SyncToolSpecification tool(McpJsonMapper json, String name, String description, String schema, Role required,
                                       Function<JsonFields, Object> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(json, schema).build();
        return new SyncToolSpecification(tool, (context, request) -> {
            try {
                requireRole(required);
                return McpSchema.CallToolResult.builder()
                        .addTextContent(JSON.toJson(call.apply(JsonFields.parse(JSON.toJson(request.arguments() == null ? Map.of() : request.arguments())))))
                        .isError(false).build();
            } catch (RuntimeException e) {
                return McpSchema.CallToolResult.builder().addTextContent(JSON.toJson(problems.toResponse(e).getEntity())).isError(true).build();
            }
        });
    }

    private void requireRole(Role required) {
        Role role = caller.get().role();
        if (!role.includes(required)) {
            throw new AegisException(ErrorType.PERMISSION_ERROR, "this tool needs the role " + required.name().toLowerCase(Locale.ROOT)
                    + "; the caller has the role " + role.name().toLowerCase(Locale.ROOT));
        }
    }

    private static McpSchema.ReadResourceResult read(String uri, String json) {
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json", json)));
    }
}
