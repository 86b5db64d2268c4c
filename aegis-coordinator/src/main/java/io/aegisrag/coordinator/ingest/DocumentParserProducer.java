package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.DocumentParser;
import io.aegisrag.retrieval.parsing.TikaDocumentParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The parser of uploaded files: Apache Tika, refusing a file that gives more than {@code aegis.ingestion.max-text-chars} characters. */
@ApplicationScoped
public class DocumentParserProducer {

    @Produces
    @ApplicationScoped
    DocumentParser documentParser(@ConfigProperty(name = ConfigKeys.INGESTION_MAX_TEXT_CHARS, defaultValue = "5000000") int maxChars) {
        return new TikaDocumentParser(maxChars);
    }
}
