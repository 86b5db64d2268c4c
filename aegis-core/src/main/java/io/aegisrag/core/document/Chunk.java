package io.aegisrag.core.document;

import java.util.Objects;

/**
 * A retrievable piece of a document.
 *
 * @param id       stable id, {@code <document id>#<position>}
 * @param position zero-based order of the chunk within its document
 * @param section  heading path of the section the chunk came from, empty when none
 */
public record Chunk(String id, DocumentId documentId, String title, String source, String section,
                    String text, int position) {

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        section = section == null ? "" : section;
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
