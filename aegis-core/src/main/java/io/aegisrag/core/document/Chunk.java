package io.aegisrag.core.document;

import java.util.Locale;
import java.util.Objects;

/**
 * A retrievable piece of a document, or a fact of temporal memory retrieved beside the documents.
 *
 * @param id         stable id: {@code <document id>#<position>}, or the fact's id
 * @param documentId the document, null for a fact of memory
 * @param position   zero-based order of the chunk within its document
 * @param section    heading path of the section the chunk came from, empty when none
 * @param page       the page of the document the chunk is on, from 1; 0 for a document without pages
 */
public record Chunk(String id, DocumentId documentId, String title, String source, String section,
                    String text, int position, int page, Kind kind) {

    /** What a chunk is a piece of. */
    public enum Kind {
        DOCUMENT, MEMORY;

        private final String label = name().toLowerCase(Locale.ROOT);

        /** The lower-case name used in the REST API. */
        public String label() {
            return label;
        }
    }

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.DOCUMENT) {
            Objects.requireNonNull(documentId, "documentId");
        }
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        section = section == null ? "" : section;
    }

    /** A piece of a document without pages. */
    public Chunk(String id, DocumentId documentId, String title, String source, String section, String text, int position) {
        this(id, documentId, title, source, section, text, position, 0, Kind.DOCUMENT);
    }

    /** A piece of a page of a document. */
    public Chunk(String id, DocumentId documentId, String title, String source, String section, String text, int position, int page) {
        this(id, documentId, title, source, section, text, position, page, Kind.DOCUMENT);
    }

    /** A fact of memory as a context: {@code title} names what it is about, {@code section} when it held. */
    public static Chunk ofMemory(String factId, String title, String section, String text) {
        return new Chunk(factId, null, title, "memory", section, text, 0, 0, Kind.MEMORY);
    }

    /**
     * The text with its contextual header in front: the document title and the heading path, so that
     * a chunk that never names its subject is still found by it.
     */
    public String withHeader() {
        return withHeader(text);
    }

    /** {@code part} of this chunk's text with the chunk's contextual header in front. */
    public String withHeader(String part) {
        return section.isEmpty() ? title + "\n" + part : title + " > " + section + "\n" + part;
    }

    public static String idOf(DocumentId documentId, int position) {
        return documentId.value() + "#" + position;
    }
}
