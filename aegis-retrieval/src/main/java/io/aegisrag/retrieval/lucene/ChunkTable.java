package io.aegisrag.retrieval.lucene;

import io.aegisrag.core.document.Chunk;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chunks of each open segment, held in heap by segment and document number, so that a search
 * reads no stored fields: decompressing them was a third of the query path's CPU
 * (bench/results/profile-query.md). A segment's chunks are read once, in document order, when a
 * reader on it opens (Lucene's segment warming); they are dropped when its core closes (merged away).
 * Past its byte budget the rest of a segment is left out and read from the index, as are segments
 * whose records are of an older format (an index waiting to be reindexed).
 */
final class ChunkTable {

    private static final Logger LOG = Logger.getLogger(ChunkTable.class.getName());
    private static final long BYTES_PER_CHUNK = 96;
    private static final long BYTES_PER_STRING = 40;

    private final Map<Object, Chunk[]> bySegment = new ConcurrentHashMap<>();
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final Term chunkKind;
    private final Function<org.apache.lucene.document.Document, Chunk> reader;

    /**
     * @param chunkKind the term every chunk record carries
     * @param reader    turns a chunk's stored record into the chunk
     */
    ChunkTable(long maxBytes, Term chunkKind, Function<org.apache.lucene.document.Document, Chunk> reader) {
        this.maxBytes = maxBytes;
        this.chunkKind = chunkKind;
        this.reader = reader;
    }

    /** Loads the chunks of every segment of {@code index} not held yet, as far as the budget goes. */
    void warm(IndexReader index) throws IOException {
        for (LeafReaderContext leaf : index.leaves()) {
            var helper = leaf.reader().getCoreCacheHelper();
            if (helper != null && !bySegment.containsKey(helper.getKey()) && bytes.get() < maxBytes) {
                try {
                    load(leaf.reader(), helper);
                } catch (RuntimeException unreadable) {
                    LOG.log(Level.WARNING, "left a segment's chunks in the index: a record is not a chunk of this format", unreadable);
                }
            }
        }
    }

    private void load(LeafReader segment, IndexReader.CacheHelper helper) throws IOException {
        Chunk[] chunks = new Chunk[segment.maxDoc()];
        long size = 0;
        PostingsEnum chunkDocs = segment.postings(chunkKind, PostingsEnum.NONE);
        if (chunkDocs != null) {
            StoredFields stored = segment.storedFields();
            Map<String, String> shared = new HashMap<>();
            for (int doc = chunkDocs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = chunkDocs.nextDoc()) {
                Chunk chunk = reader.apply(stored.document(doc));
                long chunkBytes = BYTES_PER_CHUNK + bytesOf(chunk.id()) + bytesOf(chunk.section()) + bytesOf(chunk.text());
                if (bytes.get() + size + chunkBytes > maxBytes) {
                    break;
                }
                size += chunkBytes;
                chunks[doc] = new Chunk(chunk.id(), chunk.documentId(), shared.computeIfAbsent(chunk.title(), Function.identity()),
                        shared.computeIfAbsent(chunk.source(), Function.identity()), chunk.section(), chunk.text(),
                        chunk.position(), chunk.page());
            }
        }
        long held = size;
        if (bySegment.putIfAbsent(helper.getKey(), chunks) == null) {
            bytes.addAndGet(held);
            helper.addClosedListener(key -> {
                if (bySegment.remove(key) != null) {
                    bytes.addAndGet(-held);
                }
            });
        }
    }

    /** A string's heap: one byte a character while all are Latin-1, two otherwise (Java's compact strings). */
    private static long bytesOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return BYTES_PER_STRING + 2L * text.length();
            }
        }
        return BYTES_PER_STRING + text.length();
    }

    /** The chunk at {@code doc} of {@code segment}, or null when the table does not hold it. */
    Chunk get(LeafReaderContext segment, int doc) {
        var helper = segment.reader().getCoreCacheHelper();
        Chunk[] chunks = helper == null ? null : bySegment.get(helper.getKey());
        return chunks == null ? null : chunks[doc];
    }

    /** Bytes the held chunks take, estimated. */
    long bytes() {
        return bytes.get();
    }
}
