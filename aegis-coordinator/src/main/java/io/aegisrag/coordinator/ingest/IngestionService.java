package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.Page;

/** Adds, lists, reads and removes documents; a failed ingestion leaves no trace in any store. */
public interface IngestionService {

    /** @param body already validated at the REST boundary */
    default IngestionResult ingest(DocumentRequest body) {
        return ingest(body, DocumentId.random());
    }

    /**
     * Ingests under the id given: a file of a bulk job has one that stays the same when the job
     * resumes after a restart, so that {@link #contains} tells whether it was ingested before.
     */
    IngestionResult ingest(DocumentRequest body, DocumentId id);

    /** Whether a document with this id is stored. */
    boolean contains(DocumentId id);

    /** @param limit 1..100 */
    Page<DocumentSummary> list(int offset, int limit);

    /** @throws io.aegisrag.core.error.NotFoundException when no document has this id */
    Document get(String documentId);

    /**
     * The document's chunks as they are indexed, in their order.
     *
     * @param limit 1..100
     * @throws io.aegisrag.core.error.NotFoundException when no document has this id
     */
    Page<Chunk> chunks(String documentId, int offset, int limit);

    /** @throws io.aegisrag.core.error.NotFoundException when no document has this id */
    void delete(String documentId);

    /**
     * Indexes every stored document again with the current embedding model and chunking, keeping its
     * id, then marks the index current.
     *
     * @return how many documents were indexed again
     */
    int reindex();
}
