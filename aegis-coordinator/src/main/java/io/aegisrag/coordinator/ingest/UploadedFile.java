package io.aegisrag.coordinator.ingest;

import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.port.DocumentParser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file as it was uploaded: its name and content. It becomes a document request once parsed: titled
 * by the title given, else by the file's own, else by its name; its source is its name; its detected
 * type, page count and content hash go in the metadata.
 */
public record UploadedFile(String name, byte[] content) {

    private static final int MAX_TITLE_CHARS = 500;

    public UploadedFile {
        name = name == null ? "" : name;
    }

    /** Parses the file; {@code title} and {@code source} (null or blank when not given) win over what the file says. */
    public DocumentRequest toRequest(DocumentParser parser, String title, String source) {
        ParsedDocument parsed = parser.parse(name, content);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("content_type", parsed.mediaType());
        metadata.put("content_sha256", ContentHash.of(content));
        if (parsed.pages() > 0) {
            metadata.put("pages", Integer.toString(parsed.pages()));
        }
        return new DocumentRequest(shortened(firstOf(title, parsed.title(), baseName())), firstOf(source, name, ""), parsed.text(), metadata);
    }

    private String baseName() {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }

    private static String shortened(String title) {
        return title.length() <= MAX_TITLE_CHARS ? title : title.substring(0, MAX_TITLE_CHARS);
    }
}
