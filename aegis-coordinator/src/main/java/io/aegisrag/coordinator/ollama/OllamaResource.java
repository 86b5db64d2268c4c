package io.aegisrag.coordinator.ollama;

import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.protocol.ChatMessages;
import io.aegisrag.coordinator.protocol.LineStream;
import io.aegisrag.coordinator.protocol.RagModels;
import io.aegisrag.coordinator.query.ChatStream;
import io.aegisrag.coordinator.query.QueryRequest;
import io.aegisrag.coordinator.query.QueryResult;
import io.aegisrag.coordinator.query.QueryService;
import io.aegisrag.coordinator.rest.JsonFields;
import io.aegisrag.coordinator.rest.JsonbResolver;
import io.aegisrag.coordinator.rest.Problem;
import io.aegisrag.coordinator.rest.ProblemResponder;
import io.aegisrag.coordinator.rest.RequestValidator;
import io.aegisrag.coordinator.security.RateLimited;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.memory.Turn;
import io.aegisrag.observability.metrics.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Ollama-compatible API: the service's query modes are its models ({@code aegisrag:latest},
 * {@code aegisrag-vector:latest}, ...), {@code /api/chat} and {@code /api/generate} are answered by the
 * RAG pipeline, streamed as NDJSON unless {@code stream} is false (Ollama streams by default); the last
 * object, {@code done: true}, carries the counts and durations Ollama reports and the {@code sources}.
 */
@Path("/api")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OllamaResource {

    /** The Ollama API version this emulates. */
    static final String VERSION = "0.9.0";
    private static final String NDJSON = "application/x-ndjson";
    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);

    /** {@code GET /api/version}. */
    public record Version(String version) {
    }

    /** What a model is, as {@code /api/tags} and {@code /api/show} describe it. */
    public record Details(String format, String family, List<String> families, String parameterSize, String quantizationLevel) {
        static final Details RAG = new Details("rag", "aegisrag", List.of("aegisrag"), "", "");
    }

    /** A model of {@code /api/tags}. */
    public record Tag(String name, String model, Instant modifiedAt, long size, String digest, Details details) {
    }

    /** {@code GET /api/tags}. */
    public record Tags(List<Tag> models) {
    }

    /** {@code POST /api/show}. */
    public record Show(String modelfile, String parameters, String template, Details details, Map<String, Object> modelInfo,
                       List<String> capabilities) {
    }

    /** A chat message. */
    public record Message(String role, String content) {
    }

    /**
     * One object of a reply: a piece of the answer in {@code message} (chat) or {@code response}
     * (generate), then the last, {@code done}, with the counts, durations (nanoseconds) and sources.
     */
    public record Reply(String model, Instant createdAt, Message message, String response, boolean done, String doneReason,
                        Long totalDuration, Long loadDuration, Long promptEvalCount, Long promptEvalDuration, Long evalCount,
                        Long evalDuration, List<QueryResult.Source> sources) {

        static Reply piece(String model, Instant at, boolean chat, String text) {
            return new Reply(model, at, chat ? new Message("assistant", text) : null, chat ? null : text, false, null,
                    null, null, null, null, null, null, null);
        }

        static Reply last(String model, Instant at, boolean chat, String text, QueryResult result) {
            QueryResult.Usage usage = result.usage();
            return new Reply(model, at, chat ? new Message("assistant", text) : null, chat ? null : text, true, "stop",
                    nanos(result, Stage.TOTAL), 0L, usage.promptTokens(), nanos(result, Stage.RETRIEVAL), usage.completionTokens(),
                    nanos(result, Stage.GENERATION), result.sources());
        }

        private static long nanos(QueryResult result, Stage stage) {
            return Math.round(result.latencyMs().getOrDefault(stage.label(), 0.0) * 1_000_000);
        }
    }

    @Inject
    CurrentCaller caller;

    @Inject
    QueryService queries;

    @Inject
    RequestValidator validator;

    @Inject
    ProblemResponder problems;

    @Inject
    Clock clock;

    @GET
    @Path("/version")
    @Operation(summary = "Ollama-compatible: the Ollama API version this service speaks")
    public Version version() {
        return new Version(VERSION);
    }

    @GET
    @Path("/tags")
    @Operation(summary = "Ollama-compatible: the service's query modes as models")
    public Tags tags() {
        return new Tags(RagModels.names().stream()
                .map(name -> new Tag(name + RagModels.LATEST, name + RagModels.LATEST, Instant.EPOCH, 0, "", Details.RAG))
                .toList());
    }

    @POST
    @Path("/show")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ollama-compatible: one model's details")
    public Show show(String body) {
        JsonFields fields = JsonFields.parse(body);
        String model = fields.string("model") != null ? fields.string("model") : fields.string("name");
        if (model == null) {
            throw new InvalidInputException("model", "must name a model");
        }
        RagModels.modeOf(model);
        return new Show("", "", "", Details.RAG, Map.of("general.architecture", "aegisrag"), List.of("completion"));
    }

    @POST
    @Path("/chat")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Ollama-compatible: answer the last user message from the documents, citing them as [n], as NDJSON unless stream is false")
    public Response chat(String body) {
        JsonFields fields = JsonFields.parse(body);
        ChatMessages messages = ChatMessages.of(fields, "messages", clock.instant());
        return answer(fields, messages.question(), messages.history(), true);
    }

    @POST
    @Path("/generate")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Ollama-compatible: answer prompt from the documents, citing them as [n], as NDJSON unless stream is false")
    public Response generate(String body) {
        JsonFields fields = JsonFields.parse(body);
        String prompt = fields.string("prompt");
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("prompt", "must be the question, not blank");
        }
        return answer(fields, prompt, List.of(), false);
    }

    private Response answer(JsonFields fields, String question, List<Turn> history, boolean chat) {
        String model = fields.string("model") == null ? RagModels.AUTO + RagModels.LATEST : fields.string("model").strip();
        QueryRequest request = validator.valid(new QueryRequest(question, RagModels.modeOf(model), null, null, null, null));
        MemoryScope memory = caller.get().memory();
        if (Boolean.FALSE.equals(fields.bool("stream"))) {
            QueryResult result = queries.chat(request, memory, history, ChatStream.of(TokenSink.NONE));
            return Response.ok(Reply.last(model, clock.instant(), chat, result.answer(), result)).build();
        }
        Function<Object, String> line = reply -> JSON.toJson(reply) + "\n";
        StreamingOutput stream = out -> {
            LineStream lines = new LineStream(out, null, text -> line.apply(Reply.piece(model, clock.instant(), chat, text)));
            try {
                QueryResult result = queries.chat(request, memory, history, lines);
                lines.write(line.apply(Reply.last(model, clock.instant(), chat, "", result)));
            } catch (RuntimeException e) {
                lines.write(line.apply(OllamaError.of((Problem) problems.toResponse(e).getEntity())));
            }
        };
        return Response.ok(stream, NDJSON).build();
    }
}
