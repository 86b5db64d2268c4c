package io.aegisrag.core.port;

import io.aegisrag.core.document.ParsedDocument;

/**
 * Reads an uploaded file (PDF, Word, PowerPoint, HTML, Markdown or plain text, told apart by its
 * content) into the text of a document: Markdown headings where the file has headings, and
 * {@link #PAGE_BREAK} between its pages where it has pages, so that chunks keep both.
 */
public interface DocumentParser {

    /** What separates two pages (or slides) in a parsed document's text: a form feed. */
    char PAGE_BREAK = '\f';

    /**
     * @param fileName the file's name as sent, a hint for its type beside its content; may be empty
     * @throws io.aegisrag.core.error.UnreadableDocumentException naming the file, when it is of a type
     *         this parser does not read, encrypted, corrupt, without text, or longer once extracted
     *         than allowed
     */
    ParsedDocument parse(String fileName, byte[] content);
}
