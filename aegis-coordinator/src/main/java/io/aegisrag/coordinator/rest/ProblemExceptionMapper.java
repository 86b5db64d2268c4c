package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.ollama.OllamaError;
import io.aegisrag.coordinator.openai.OpenAiError;
import io.aegisrag.coordinator.protocol.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps every failure the resources let escape to problem+json, or to the error shape of the protocol
 * the call spoke: OpenAI's {@code {"error":{...}}} under {@code /v1}, Ollama's {@code {"error":"..."}}
 * under {@code /api}; the status code and headers stay those of the problem.
 */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    @Inject
    ProblemResponder problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        Response problem = problems.toResponse(failure);
        Object shaped = switch (Protocol.ofPath(uri.getPath())) {
            case OPENAI -> OpenAiError.of((Problem) problem.getEntity());
            case OLLAMA -> OllamaError.of((Problem) problem.getEntity());
            case REST, MCP -> null;
        };
        return shaped == null ? problem : Response.fromResponse(problem).type(MediaType.APPLICATION_JSON_TYPE).entity(shaped).build();
    }
}
