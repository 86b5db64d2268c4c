package io.aegisrag.core.document;

/**
 * An uploaded file read into a document's text.
 *
 * @param title     the title the file names for itself, empty when none
 * @param text      Markdown-like text, with {@link io.aegisrag.core.port.DocumentParser#PAGE_BREAK} between pages
 * @param mediaType the type its content was detected as, such as {@code application/pdf}
 * @param pages     its number of pages (or slides), 0 for a file without pages
 */
public record ParsedDocument(String title, String text, String mediaType, int pages) {
}
