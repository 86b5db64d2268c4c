package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The system of record for ingested documents and their chunks: dense-vector search and BM25
 * keyword search over the same chunks.
 *
 * <p>Writes are atomic per document: after {@link #add} or {@link #delete} returns, searches see the
 * whole document or none of it, and a failed write leaves the store as it was.
 */
public interface VectorStore extends BackingService {

    /** Stores {@code document} and its chunks; all of it becomes visible at once, or none. */
    void add(Document document, List<EmbeddedChunk> chunks);

    /** Removes the document and all its chunks; false when the store does not hold it. */
    boolean delete(DocumentId id);

    Optional<Document> find(DocumentId id);

    /** Documents, newest first. */
    Page<DocumentSummary> list(int offset, int limit);

    /** The {@code k} chunks nearest to {@code vector} by cosine similarity, best first. */
    List<ChunkHit> searchByVector(float[] vector, int k);

    /** The {@code k} chunks that best match {@code text} by BM25, best first. */
    List<ChunkHit> searchByKeywords(String text, int k);

    /** The chunks of one document, in order; empty when the store does not hold it. */
    List<Chunk> chunksOf(DocumentId id);

    /** The chunks with these ids that the store holds, in no particular order. */
    List<Chunk> chunks(Collection<String> chunkIds);

    /** How many chunks (vector points) the store holds. */
    long chunkCount();

    /**
     * Whether the store holds chunks indexed otherwise than it indexes them now (with another
     * embedding model, or an older index format), so that its searches are unreliable until every
     * document is {@linkplain #add added} again and {@link #markReindexed()} is called.
     */
    default boolean needsReindex() {
        return false;
    }

    /** Records that every stored document was added again with the current model and format. */
    default void markReindexed() {
    }
}
