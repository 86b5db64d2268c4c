package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.core.error.UnreadableDocumentException.Reason;
import io.aegisrag.core.port.DocumentParser;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link DocumentParser} on Apache Tika: the type is detected from the content (the file name only
 * breaks ties), Markdown, plain text and its kinds (scripts, source code, logs) are decoded as they
 * are (their character set detected), and
 * HTML is read into its main content with jsoup ({@link MainContent}, {@link HtmlToMarkdown}), PDF
 * into headings and paragraphs with PDFBox ({@link PdfLines}, {@link PdfToMarkdown}) and DOCX and PPTX
 * with Tika ({@link XhtmlToMarkdown}), each into Markdown with a page break after each PDF page or
 * slide. Embedded files (attachments, pictures) are not read. A file of
 * another type, encrypted, corrupt, without text, or with more text than {@code maxChars} is refused
 * with the reason; so is an Office file whose compressed parts expand suspiciously (POI's zip-bomb
 * guard).
 */
public final class TikaDocumentParser implements DocumentParser {

    private static final Map<String, String> PARSED = Map.of(
            "application/pdf", "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint",
            "text/html", "HTML",
            "application/xhtml+xml", "HTML");
    private static final Set<String> ENCRYPTED_TYPES = Set.of("application/x-tika-ooxml-protected", "application/x-tika-msoffice-protected");

    private static final int MAX_HTML_DEPTH = 512;
    private static final MediaTypeRegistry TYPES = MediaTypeRegistry.getDefaultRegistry();

    private final AutoDetectParser tika = new AutoDetectParser();
    private final int maxChars;

    /** @param maxChars the most characters of text a file may give */
    public TikaDocumentParser(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public ParsedDocument parse(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new UnreadableDocumentException(fileName, Reason.EMPTY, "the file is empty");
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        String type = detect(fileName, content, metadata);
        ParsedDocument parsed = !PARSED.containsKey(type) && isText(type) ? decoded(fileName, content, metadata, type)
                : parsed(fileName, content, metadata, type);
        if (parsed.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new UnreadableDocumentException(fileName, Reason.EMPTY, "no text in this " + type + " file"
                    + (type.equals("application/pdf") ? " (a scanned PDF needs OCR, which this service does not do)" : ""));
        }
        return parsed;
    }

    /** Plain text or a kind of it (Markdown, a script, source code, CSV, a log): Tika's type registry knows which. */
    private static boolean isText(String type) {
        MediaType mediaType = MediaType.parse(type);
        return mediaType.getType().equals("text") || TYPES.isInstanceOf(mediaType, MediaType.TEXT_PLAIN);
    }

    private String detect(String fileName, byte[] content, Metadata metadata) {
        try (InputStream in = TikaInputStream.get(content)) {
            return tika.getDetector().detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new UnreadableDocumentException(fileName, Reason.CORRUPT, "its type could not be read: " + e.getMessage());
        }
    }

    private ParsedDocument decoded(String fileName, byte[] content, Metadata metadata, String type) {
        try (Reader reader = new AutoDetectReader(new ByteArrayInputStream(content), metadata)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                if (text.length() + n > maxChars) {
                    throw tooLong(fileName);
                }
                text.append(buffer, 0, n);
            }
            return new ParsedDocument("", text.toString(), type, 0);
        } catch (IOException | TikaException e) {
            throw new UnreadableDocumentException(fileName, Reason.CORRUPT, "its text could not be decoded: " + e.getMessage());
        }
    }

    private ParsedDocument parsed(String fileName, byte[] content, Metadata metadata, String type) {
        if (ENCRYPTED_TYPES.contains(type)) {
            throw encrypted(fileName);
        }
        String kind = PARSED.get(type);
        if (kind == null) {
            throw new UnreadableDocumentException(fileName, Reason.UNSUPPORTED_TYPE, "files of type " + type
                    + " are not read; send PDF, DOCX, PPTX, HTML, Markdown or plain text");
        }
        if (kind.equals("HTML")) {
            return html(fileName, content, type);
        }
        if (kind.equals("PDF")) {
            return pdf(fileName, content, type);
        }
        XhtmlToMarkdown markdown = new XhtmlToMarkdown(maxChars);
        metadata.set(Metadata.CONTENT_TYPE, MediaType.parse(type).toString());
        try (InputStream in = TikaInputStream.get(content)) {
            tika.parse(in, markdown, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw encrypted(fileName);
        } catch (IOException | SAXException | TikaException e) {
            if (causedBy(e, XhtmlToMarkdown.TooLong.class)) {
                throw tooLong(fileName);
            }
            if (rootMessage(e).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new UnreadableDocumentException(fileName, Reason.TOO_LARGE, "its compressed parts expand too much (a zip bomb?)");
            }
            throw new UnreadableDocumentException(fileName, Reason.CORRUPT, "not a readable " + kind + " file: " + rootMessage(e));
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new ParsedDocument(title == null ? "" : title.strip(), markdown.text(), type, markdown.pages());
    }

    /** An HTML page: its main content only, read with jsoup ({@link MainContent}, {@link HtmlToMarkdown}). */
    private ParsedDocument html(String fileName, byte[] content, String type) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(content), null, "", Parser.htmlParser().setMaxDepth(MAX_HTML_DEPTH));
        } catch (IOException e) {
            throw new UnreadableDocumentException(fileName, Reason.CORRUPT, "not a readable HTML file: " + e.getMessage());
        }
        String title = page.title().strip();
        try {
            return new ParsedDocument(title, HtmlToMarkdown.convert(MainContent.of(page), maxChars), type, 0);
        } catch (TextTooLong e) {
            throw tooLong(fileName);
        }
    }

    /** A PDF read with PDFBox into headings and paragraphs, page by page ({@link PdfLines}, {@link PdfToMarkdown}). */
    private ParsedDocument pdf(String fileName, byte[] content, String type) {
        try (PDDocument document = Loader.loadPDF(content)) {
            String title = document.getDocumentInformation().getTitle();
            int pages = document.getNumberOfPages();
            return new ParsedDocument(title == null ? "" : title.strip(), PdfToMarkdown.convert(PdfLines.of(document), pages, maxChars), type, pages);
        } catch (InvalidPasswordException e) {
            throw encrypted(fileName);
        } catch (TextTooLong e) {
            throw tooLong(fileName);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(fileName, Reason.CORRUPT, "not a readable PDF file: " + rootMessage(e));
        }
    }

    private UnreadableDocumentException tooLong(String fileName) {
        return new UnreadableDocumentException(fileName, Reason.TOO_LARGE, "it holds more than " + maxChars
                + " characters of text (aegis.ingestion.max-text-chars)");
    }

    private static UnreadableDocumentException encrypted(String fileName) {
        return new UnreadableDocumentException(fileName, Reason.ENCRYPTED, "the file is encrypted; send it without a password");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> cause) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (cause.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
