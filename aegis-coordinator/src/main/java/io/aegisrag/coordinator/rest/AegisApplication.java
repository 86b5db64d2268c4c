package io.aegisrag.coordinator.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The HTTP APIs: AegisRAG's own, version 1, under {@code /api/v1}; the OpenAI-compatible API under
 * {@code /v1}; the Ollama-compatible API under {@code /api} (its resources name their full paths).
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "AegisRAG", version = "1",
        description = "Retrieval-augmented generation: ingest documents, ask questions, get cited answers."),
        security = @SecurityRequirement(name = "api-key"))
@SecurityScheme(securitySchemeName = "api-key", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key of aegis.auth.api-keys (aegis.auth.mode=api-key) or a MicroProfile JWT whose groups name "
                + "the role (aegis.auth.mode=jwt); roles: reader (query, read), writer (also ingest, delete), admin (also /api/v1/admin)")
public class AegisApplication extends Application {
}
