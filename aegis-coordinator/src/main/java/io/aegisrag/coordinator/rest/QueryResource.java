package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.query.QueryRequest;
import io.aegisrag.coordinator.query.QueryResult;
import io.aegisrag.coordinator.query.QueryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/v1/query}. */
@Path("/query")
@ApplicationScoped
public class QueryResource {

    @Inject
    QueryService queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the indexed documents, citing them as [n]")
    public QueryResult query(@NotNull(message = "must be a JSON object") @Valid QueryRequest body) {
        return queries.query(body);
    }
}
