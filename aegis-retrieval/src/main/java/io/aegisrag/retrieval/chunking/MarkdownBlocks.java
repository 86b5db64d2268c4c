package io.aegisrag.retrieval.chunking;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown read with CommonMark (and GitHub's tables) into the blocks its reader sees: headings, and
 * blocks of text. Dropped: front matter, HTML comments, link reference definitions, images and badges,
 * HTML tags (the text of an HTML block stays), link targets (the link text stays), emphasis marks;
 * entities and backslash escapes are read as their characters, and NUL as U+FFFD (CommonMark's rule). Code blocks and code spans are kept
 * exactly as written, list items start with their marker, table rows stay rows between pipes. Runs
 * in time linear in the text (CommonMark's parser, with nesting bounded).
 */
final class MarkdownBlocks {

    /** A block of the document as its reader sees it. */
    sealed interface Block permits HeadingBlock, TextBlock {
    }

    /** A heading, one to six. */
    record HeadingBlock(int level, String text) implements Block {
    }

    /** A paragraph, a list item, a code block or a table. */
    record TextBlock(String text) implements Block {
    }

    private static final int FRONT_MATTER_MAX_LINES = 100;
    private static final int MAX_NESTING = 32;
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .maxOpenBlockParsers(MAX_NESTING)
            .maxInlineNesting(MAX_NESTING)
            .build();

    private final String source;
    private final List<Block> blocks = new ArrayList<>();

    private MarkdownBlocks(String source) {
        this.source = source;
    }

    /** The blocks of {@code markdown}, in order. */
    static List<Block> read(String markdown) {
        MarkdownBlocks reader = new MarkdownBlocks(withoutFrontMatter(markdown));
        reader.children(PARSER.parse(reader.source), "");
        return reader.blocks;
    }

    private void children(Node parent, String firstPrefix) {
        String prefix = firstPrefix;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            int before = blocks.size();
            block(node, prefix);
            if (blocks.size() > before) {
                prefix = "";
            }
        }
    }

    private void block(Node node, String prefix) {
        if (node instanceof Heading heading) {
            String text = inline(heading).replace('\n', ' ').strip();
            if (!text.isEmpty()) {
                blocks.add(new HeadingBlock(heading.getLevel(), text));
            }
        } else if (node instanceof Paragraph) {
            text(prefix + inline(node));
        } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            text(prefix + asWritten(node));
        } else if (node instanceof HtmlBlock html) {
            if (!html.getLiteral().stripLeading().startsWith("<!--")) {
                text(prefix + Jsoup.parseBodyFragment(html.getLiteral()).text());
            }
        } else if (node instanceof ListBlock list) {
            int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null ? ordered.getMarkerStartNumber() : 1;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                children(item, list instanceof OrderedList ? number++ + ". " : "- ");
            }
        } else if (node instanceof TableBlock table) {
            text(table(table));
        } else if (!(node instanceof ListItem)) {
            children(node, prefix);
        }
    }

    private void text(String text) {
        if (!text.isBlank()) {
            blocks.add(new TextBlock(text.strip()));
        }
    }

    private String table(TableBlock table) {
        List<String> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row instanceof TableRow; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell instanceof TableCell; cell = cell.getNext()) {
                    cells.add(inline(cell).replace('\n', ' ').replace("|", "\\|").strip());
                }
                rows.add("| " + String.join(" | ", cells) + " |");
                if (part instanceof TableHead) {
                    rows.add("|" + "---|".repeat(cells.size()));
                }
            }
        }
        return String.join("\n", rows);
    }

    /** The text of the inline content of {@code parent}. */
    private String inline(Node parent) {
        StringBuilder text = new StringBuilder();
        inline(parent, text);
        return text.toString();
    }

    private void inline(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text literal) {
                text.append(literal.getLiteral());
            } else if (node instanceof Code) {
                text.append(asWritten(node));
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append('\n');
            } else if (!(node instanceof Image)) {
                inline(node, text);
            }
        }
    }

    /** The source of {@code node} as written: from its first character to its last. */
    private String asWritten(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        SourceSpan last = spans.get(spans.size() - 1);
        return source.substring(spans.get(0).getInputIndex(), last.getInputIndex() + last.getLength());
    }

    /** {@code markdown} without a leading {@code ---} ... {@code ---} (or {@code ...}) block. */
    private static String withoutFrontMatter(String markdown) {
        if (!markdown.startsWith("---")) {
            return markdown;
        }
        int lineStart = 0;
        for (int line = 0; line < FRONT_MATTER_MAX_LINES; line++) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            String text = (lineEnd < 0 ? markdown.substring(lineStart) : markdown.substring(lineStart, lineEnd)).strip();
            if (line == 0 && !text.equals("---")) {
                return markdown;
            }
            if (line > 0 && (text.equals("---") || text.equals("..."))) {
                return lineEnd < 0 ? "" : markdown.substring(lineEnd + 1);
            }
            if (lineEnd < 0) {
                return markdown;
            }
            lineStart = lineEnd + 1;
        }
        return markdown;
    }
}
