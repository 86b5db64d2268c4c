package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.port.DocumentParser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the XHTML that Tika makes of a Word or PowerPoint file as Markdown: {@code h1}..{@code h6}
 * become ATX headings, blocks become paragraphs, list items lines starting with "- ", text is escaped
 * ({@link MarkdownText}), and each slide of a presentation ends with {@link DocumentParser#PAGE_BREAK}.
 * What a reader never sees ({@code head}, {@code script}, {@code style}) is left out, and whitespace is collapsed. Stops
 * with {@link TooLong} past {@code maxChars} characters.
 */
final class XhtmlToMarkdown extends DefaultHandler {

    /** Thrown when the text grows past the limit. */
    static final class TooLong extends SAXException {

        TooLong(int maxChars) {
            super("more than " + maxChars + " characters of text");
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "table", "tr", "ul", "ol", "blockquote",
            "pre", "br", "dl", "dt", "dd", "figure", "figcaption", "header", "footer", "nav", "aside", "main", "body");
    private static final Set<String> HIDDEN = Set.of("head", "script", "style", "title", "noscript");
    private static final Set<String> SLIDES = Set.of("slide-content");

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> divClasses = new ArrayDeque<>();
    private final int maxChars;
    private int hidden;
    private int pages;

    XhtmlToMarkdown(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        String name = name(localName, qName);
        if (name.equals("div")) {
            divClasses.push(attributes.getValue("class") == null ? "" : attributes.getValue("class"));
        }
        if (HIDDEN.contains(name)) {
            hidden++;
        } else if (isHeading(name)) {
            paragraph();
            append("#".repeat(name.charAt(1) - '0') + " ");
        } else if (name.equals("li")) {
            line();
            append("- ");
        } else if (name.equals("td") || name.equals("th")) {
            space();
        } else if (BLOCKS.contains(name)) {
            paragraph();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = name(localName, qName);
        if (HIDDEN.contains(name)) {
            hidden--;
        } else if (name.equals("li")) {
            line();
        } else if (BLOCKS.contains(name) || isHeading(name)) {
            paragraph();
        }
        if (name.equals("div") && !divClasses.isEmpty() && SLIDES.contains(divClasses.pop())) {
            pageBreak();
        }
    }

    @Override
    public void characters(char[] text, int start, int length) throws SAXException {
        if (hidden > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space();
            } else if (!Character.isISOControl(c)) {
                append(MarkdownText.escape(String.valueOf(c)));
            }
        }
    }

    /** The text written so far, the last page break dropped. */
    String text() {
        String text = out.toString().strip();
        while (!text.isEmpty() && text.charAt(text.length() - 1) == DocumentParser.PAGE_BREAK) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    int pages() {
        return pages;
    }

    private void pageBreak() throws TooLong {
        trimSpace();
        while (endsWith("\n")) {
            out.setLength(out.length() - 1);
        }
        append(String.valueOf(DocumentParser.PAGE_BREAK));
        pages++;
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private void append(String text) throws TooLong {
        if (out.length() + text.length() > maxChars) {
            throw new TooLong(maxChars);
        }
        out.append(text);
    }

    private void space() {
        if (!out.isEmpty() && !endsWith(" ") && !endsWith("\n") && !endsWith("- ")) {
            out.append(' ');
        }
    }

    private void line() {
        trimSpace();
        if (!out.isEmpty() && !endsWith("\n")) {
            out.append('\n');
        }
    }

    private void paragraph() {
        trimSpace();
        if (!out.isEmpty() && !endsWith("\n\n") && !endsWith(String.valueOf(DocumentParser.PAGE_BREAK))) {
            out.append(endsWith("\n") ? "\n" : "\n\n");
        }
    }

    private void trimSpace() {
        while (endsWith(" ")) {
            out.setLength(out.length() - 1);
        }
    }

    private boolean endsWith(String suffix) {
        int from = out.length() - suffix.length();
        return from >= 0 && out.indexOf(suffix, from) == from;
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    }
}
