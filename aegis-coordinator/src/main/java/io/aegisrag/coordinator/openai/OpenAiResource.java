package io.aegisrag.coordinator.openai;

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
import io.aegisrag.core.llm.TokenSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The OpenAI-compatible API, so that a client whose base URL is {@code http://host:9080/v1} chats
 * with the documents: the service's query modes are its models, a chat completion is answered by the
 * RAG pipeline (the last user message is the question, earlier messages its conversation), its
 * citations {@code [n]} in the text and its sources in {@code sources}.
 */
@Path("/v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpenAiResource {

    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);
    private static final String DONE = "data: [DONE]\n\n";

    /** A model as {@code GET /v1/models} lists it. */
    public record Model(String id, String object, long created, String ownedBy) {
    }

    /** {@code GET /v1/models}. */
    public record ModelList(String object, List<Model> data) {
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
    @Path("/models")
    @Operation(summary = "OpenAI-compatible: the service's query modes as models (aegisrag for auto mode, aegisrag-vector, -graph, -hybrid, -memory)")
    public ModelList models() {
        return new ModelList("list", RagModels.names().stream().map(OpenAiResource::described).toList());
    }

    @GET
    @Path("/models/{id}")
    @Operation(summary = "OpenAI-compatible: one model")
    public Model model(@PathParam("id") String id) {
        RagModels.modeOf(id);
        return described(id.strip());
    }

    @POST
    @Path("/chat/completions")
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Operation(summary = "OpenAI-compatible: answer the last user message from the documents, citing them as [n]; "
            + "stream: true streams chat.completion.chunk events ending with data: [DONE]")
    public Response chatCompletions(String body) {
        JsonFields fields = JsonFields.parse(body);
        String model = fields.string("model") == null ? RagModels.AUTO : fields.string("model").strip();
        String mode = RagModels.modeOf(model);
        ChatMessages messages = ChatMessages.of(fields, "messages", clock.instant());
        QueryRequest request = validator.valid(new QueryRequest(messages.question(), mode, fields.integer("top_k"), null, null, null));
        JsonFields streamOptions = fields.object("stream_options");
        boolean includeUsage = streamOptions != null && Boolean.TRUE.equals(streamOptions.bool("include_usage"));
        MemoryScope memory = caller.get().memory();
        if (!Boolean.TRUE.equals(fields.bool("stream"))) {
            QueryResult result = queries.chat(request, memory, messages.history(), ChatStream.of(TokenSink.NONE));
            return Response.ok(new OpenAiChat.Completion("chatcmpl-" + result.queryId(), "chat.completion", clock.instant().getEpochSecond(), model,
                    List.of(new OpenAiChat.Choice(0, new OpenAiChat.Message("assistant", result.answer()), "stop")),
                    OpenAiChat.Usage.of(result.usage()), result.sources())).build();
        }
        Streamed chunks = new Streamed("chatcmpl-" + UUID.randomUUID(), model, clock.instant().getEpochSecond());
        StreamingOutput stream = out -> streamAnswer(chunks, request, memory, messages, includeUsage, out);
        return Response.ok(stream, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-cache").build();
    }

    private void streamAnswer(Streamed chunks, QueryRequest request, MemoryScope memory, ChatMessages messages, boolean includeUsage,
                              OutputStream out) {
        LineStream lines = new LineStream(out, chunks.event(new OpenAiChat.Delta("assistant", ""), null, null),
                text -> chunks.event(new OpenAiChat.Delta(null, text), null, null));
        try {
            QueryResult result = queries.chat(request, memory, messages.history(), lines);
            lines.write(chunks.event(new OpenAiChat.Delta(null, null), "stop", result.sources()));
            if (includeUsage) {
                lines.write(data(new OpenAiChat.Chunk(chunks.id(), "chat.completion.chunk", chunks.created(), chunks.model(), List.of(),
                        OpenAiChat.Usage.of(result.usage()), null)));
            }
            lines.write(DONE);
        } catch (RuntimeException e) {
            lines.write(data(OpenAiError.of((Problem) problems.toResponse(e).getEntity())));
        }
    }

    private static Model described(String id) {
        return new Model(id, "model", 0, "aegisrag");
    }

    private static String data(Object json) {
        return "data: " + JSON.toJson(json) + "\n\n";
    }

    /** The chunks of one streamed answer: the same id, model and creation time on each. */
    private record Streamed(String id, String model, long created) {

        String event(OpenAiChat.Delta delta, String finishReason, List<QueryResult.Source> sources) {
            return data(new OpenAiChat.Chunk(id, "chat.completion.chunk", created, model,
                    List.of(new OpenAiChat.ChunkChoice(0, delta, finishReason)), null, sources));
        }
    }
}
