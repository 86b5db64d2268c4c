package io.aegisrag.coordinator.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, version 1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "AegisRAG", version = "1",
        description = "Retrieval-augmented generation: ingest documents, ask questions, get cited answers."))
public class AegisApplication extends Application {
}
