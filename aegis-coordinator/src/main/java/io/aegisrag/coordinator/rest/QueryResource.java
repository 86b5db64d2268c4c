package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.query.QueryRequest;
import io.aegisrag.coordinator.query.QueryResult;
import io.aegisrag.coordinator.query.QueryService;
import io.aegisrag.coordinator.security.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code POST /api/v1/query}. */
@Path("/api/v1/query")
@ApplicationScoped
public class QueryResource {

    @Inject
    QueryService queries;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestValidator validator;

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the indexed documents, citing them as [n]")
    @RequestBody(content = @Content(schema = @Schema(implementation = QueryRequest.class)))
    public QueryResult query(String body) {
        return queries.query(validator.valid(request(JsonFields.parse(body))), caller.get().memory());
    }

    /** The body of {@code /query} and {@code /chat}. */
    static QueryRequest request(JsonFields fields) {
        return new QueryRequest(fields.string("query"), fields.string("mode"), fields.integer("top_k"),
                fields.string("session_id"), fields.string("model"), fields.stringList("retrievers"));
    }
}
