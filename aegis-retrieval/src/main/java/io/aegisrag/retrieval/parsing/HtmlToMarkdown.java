package io.aegisrag.retrieval.parsing;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Writes the main content of an HTML page ({@link MainContent}) as Markdown: {@code h1}..{@code h6}
 * become ATX headings, {@code <pre>} fenced code blocks kept as written, inline code a code span,
 * list items lines starting with "- ", tables Markdown tables, other blocks paragraphs. An entry of an
 * API reference becomes a sub-section one level below the heading it sits under, named by its
 * signature, so that its chunks say which member they document and never straddle two: a
 * definition-list term with an {@code id} or a signature class (Sphinx {@code dl.py.function},
 * {@code dl.class}, ...), a Javadoc member detail (its heading named by its {@code .member-signature})
 * and a Doxygen member ({@code h2.memtitle} named by its {@code .memproto}). Text after an entry, in
 * the section that held it, goes back under that section's heading. Stops with {@link TextTooLong} past
 * {@code maxChars} characters.
 */
final class HtmlToMarkdown {

    private static final Set<String> INLINE_CODE = Set.of("code", "kbd", "samp", "tt", "var");
    private static final Set<String> SIGNATURE_CLASSES = Set.of("sig", "sig-object", "member-signature", "memproto");

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder paragraph = new StringBuilder();
    private final String[] headings = new String[6];
    private final Deque<Integer> openEntries = new ArrayDeque<>();
    private final int maxChars;
    private boolean inListItem;
    private int level;
    private int restoreLevel;
    private boolean afterListItem;

    private HtmlToMarkdown(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The Markdown of {@code content}. */
    static String convert(Element content, int maxChars) {
        HtmlToMarkdown writer = new HtmlToMarkdown(maxChars);
        writer.children(content);
        writer.flush();
        return writer.out.toString().strip();
    }

    private void children(Element element) {
        for (Node child : List.copyOf(element.childNodes())) {
            if (child.parent() != null) {
                node(child);
            }
        }
    }

    private void node(Node node) {
        if (node instanceof TextNode text) {
            inline(text.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        if (element.hasClass("memtitle")) {
            doxygenMember(element);
        } else if (isHeading(tag)) {
            heading(tag.charAt(1) - '0', headingText(element));
        } else if (tag.equals("pre")) {
            codeBlock(element.wholeText());
        } else if (INLINE_CODE.contains(tag) && element.closest("pre") == null) {
            codeSpan(element.text());
        } else if (tag.equals("br")) {
            inline(" ");
        } else if (tag.equals("li")) {
            flush();
            inListItem = true;
            children(element);
            flush();
            inListItem = false;
        } else if (tag.equals("table")) {
            table(element);
        } else if (element.hasClass("summary-table")) {
            grid(element);
        } else if (tag.equals("dl")) {
            definitions(element);
        } else if (tag.equals("img") || tag.equals("hr")) {
            flush();
        } else if (element.isBlock()) {
            flush();
            children(element);
            flush();
        } else {
            children(element);
        }
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    /** A heading's text, or the signature of the Javadoc member it names, which then is not written again. */
    private static String headingText(Element heading) {
        Element next = heading.nextElementSibling();
        if (next != null && next.hasClass("member-signature") && !next.text().isBlank()) {
            next.remove();
            return next.text();
        }
        return heading.text();
    }

    /** A Doxygen member: its title, then its {@code .memitem} with the prototype that names it and its documentation. */
    private void doxygenMember(Element title) {
        Element item = title.nextElementSibling();
        Element prototype = item == null || !item.hasClass("memitem") ? null : item.selectFirst(".memproto");
        if (prototype == null) {
            heading(Math.min(6, level + 1), title.text());
            return;
        }
        openEntry(prototype.text());
        prototype.remove();
        item.remove();
        children(item);
        closeEntry();
    }

    private void definitions(Element list) {
        flush();
        List<Element> items = list.children();
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            if (item.nameIs("dt") && isMember(item)) {
                List<String> signatures = new ArrayList<>();
                while (i < items.size() && items.get(i).nameIs("dt")) {
                    signatures.add(items.get(i++).text());
                }
                openEntry(String.join(" / ", signatures));
                while (i < items.size() && !items.get(i).nameIs("dt")) {
                    node(items.get(i++));
                }
                i--;
                closeEntry();
            } else {
                node(item);
                flush();
            }
        }
    }

    private static boolean isMember(Element term) {
        return !term.id().isEmpty() || term.classNames().stream().anyMatch(SIGNATURE_CLASSES::contains);
    }

    private void openEntry(String signature) {
        flush();
        openEntries.push(level);
        heading(Math.min(6, level + 1), signature);
    }

    private void closeEntry() {
        flush();
        int parent = openEntries.pop();
        if (parent < level) {
            level = parent;
            restoreLevel = parent;
        }
    }

    private void heading(int headingLevel, String text) {
        flush();
        inListItem = false;
        String title = text.strip();
        if (title.isEmpty()) {
            return;
        }
        if (restoreLevel > 0 && headingLevel > restoreLevel + 1) {
            writeRestoredHeading();
        }
        restoreLevel = 0;
        headings[headingLevel - 1] = title;
        for (int i = headingLevel; i < headings.length; i++) {
            headings[i] = null;
        }
        level = headingLevel;
        append("#".repeat(headingLevel) + " " + MarkdownText.escape(title));
    }

    private void writeRestoredHeading() {
        int restored = restoreLevel;
        restoreLevel = 0;
        append("#".repeat(restored) + " " + MarkdownText.escape(headings[restored - 1]));
    }

    private void inline(String text) {
        inline(text, false);
    }

    /** Adds text to the paragraph, its whitespace collapsed; escaped unless it is {@code markup} this writer made. */
    private void inline(String text, boolean markup) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!paragraph.isEmpty() && paragraph.charAt(paragraph.length() - 1) != ' ') {
                    paragraph.append(' ');
                }
            } else if (!Character.isISOControl(c)) {
                paragraph.append(markup ? String.valueOf(c) : MarkdownText.escape(String.valueOf(c)));
            }
        }
    }

    private void codeSpan(String code) {
        if (code.isBlank()) {
            return;
        }
        String fence = code.contains("`") ? "``" : "`";
        inline(fence + (fence.length() > 1 ? " " : "") + code.strip() + (fence.length() > 1 ? " " : "") + fence, true);
    }

    private void codeBlock(String code) {
        flush();
        inListItem = false;
        int start = 0;
        while (start < code.length() && code.charAt(start) == '\n') {
            start++;
        }
        String body = code.substring(start).stripTrailing();
        if (!body.isBlank()) {
            String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
            write(fence + "\n" + body + "\n" + fence);
        }
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private void table(Element table) {
        List<List<Element>> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") == table) {
                rows.add(row.children().stream().filter(cell -> cell.nameIs("td") || cell.nameIs("th")).toList());
            }
        }
        writeTable(rows);
    }

    /** A table laid out with {@code div}s, as Javadoc's summaries: its header cells say how many columns it has. */
    private void grid(Element grid) {
        List<Element> cells = grid.children();
        int columns = (int) cells.stream().filter(cell -> cell.hasClass("table-header")).count();
        if (columns == 0) {
            flush();
            children(grid);
            flush();
            return;
        }
        List<List<Element>> rows = new ArrayList<>();
        for (int from = 0; from < cells.size(); from += columns) {
            rows.add(cells.subList(from, Math.min(cells.size(), from + columns)));
        }
        writeTable(rows);
    }

    private void writeTable(List<List<Element>> rows) {
        flush();
        inListItem = false;
        List<String> lines = new ArrayList<>();
        for (List<Element> row : rows) {
            List<String> cells = row.stream().map(cell -> MarkdownText.escape(cell.text())).toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add("| " + String.join(" | ", cells) + " |");
            if (lines.size() == 1) {
                lines.add("|" + "---|".repeat(cells.size()));
            }
        }
        if (!lines.isEmpty()) {
            write(String.join("\n", lines));
        }
    }

    private void flush() {
        String text = paragraph.toString().strip();
        paragraph.setLength(0);
        if (text.codePoints().anyMatch(Character::isLetterOrDigit)) {
            boolean item = inListItem;
            inListItem = false;
            write(item ? "- " + text : text, item);
        }
    }

    private void write(String block) {
        write(block, false);
    }

    /** Writes a block of content, after the heading of the section it is in when an API entry closed before it. */
    private void write(String block, boolean listItem) {
        if (restoreLevel > 0) {
            writeRestoredHeading();
        }
        append(block, listItem);
    }

    private void append(String block) {
        append(block, false);
    }

    /** List items follow each other line by line; every other block is a paragraph of its own. */
    private void append(String block, boolean listItem) {
        if (out.length() + block.length() + 2 > maxChars) {
            throw new TextTooLong(maxChars);
        }
        if (afterListItem && !listItem) {
            out.append('\n');
        }
        out.append(block).append(listItem ? "\n" : "\n\n");
        afterListItem = listItem;
    }
}
