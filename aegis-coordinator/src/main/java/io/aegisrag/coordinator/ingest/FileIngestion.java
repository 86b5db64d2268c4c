package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.port.DocumentParser;
import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Ingests an uploaded file: parses it (timed as the {@code parse} stage), checks the document request
 * it makes against its constraints, and ingests that.
 */
@ApplicationScoped
public class FileIngestion {

    private final DocumentParser parser;
    private final IngestionService documents;
    private final Validator validator;
    private final AegisMetrics metrics;

    @Inject
    public FileIngestion(DocumentParser parser, IngestionService documents, Validator validator, AegisMetrics metrics) {
        this.parser = parser;
        this.documents = documents;
        this.validator = validator;
        this.metrics = metrics;
    }

    protected FileIngestion() {
        this(null, null, null, null);
    }

    /**
     * @param title  the title to give it, null to take the file's own (else its name)
     * @param source the source to give it, null to take the file's name
     * @return the result, its stages including {@code parse}
     * @throws io.aegisrag.core.error.UnreadableDocumentException when the file cannot be read
     */
    public IngestionResult ingest(UploadedFile file, String title, String source, DocumentId id) {
        long start = System.nanoTime();
        DocumentRequest request;
        try {
            request = file.toRequest(parser, title, source);
        } catch (RuntimeException e) {
            metrics.trackIngestedDocument(IngestionStatus.FAILED.label(), 0);
            throw e;
        }
        Duration parsed = Duration.ofNanos(System.nanoTime() - start);
        metrics.recordIngestionStage(IngestionStage.PARSE.label(), parsed);
        Set<ConstraintViolation<DocumentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            metrics.trackIngestedDocument(IngestionStatus.FAILED.label(), 0);
            throw new ConstraintViolationException(violations);
        }
        IngestionResult result = documents.ingest(request, id);
        Map<IngestionStage, Duration> stages = new EnumMap<>(result.stages());
        stages.put(IngestionStage.PARSE, parsed);
        return new IngestionResult(result.documentId(), result.chunks(), result.entities(), result.relations(), stages);
    }
}
