package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.port.DocumentParser;
import io.aegisrag.retrieval.parsing.PdfLines.Line;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the lines of a PDF ({@link PdfLines}) as Markdown pages: lines set larger than the body text,
 * or bold and alone or numbered like {@code 2.3}, become headings (levels from the numbering, else
 * from the sizes); running headers, footers and page numbers (lines that open or close three or more
 * pages alike, digits aside, or repeat another line with a page number) are left out; the lines of a table of contents (a dot leader, a page number) are
 * dropped; a word hyphenated at a line's end is joined again; the other lines of a paragraph are joined into one. Pages end with {@link DocumentParser#PAGE_BREAK}.
 * Tables are read as lines of text: their cells are not told apart.
 */
final class PdfToMarkdown {

    private static final float LARGER = 1.15f;
    private static final int HEADING_MAX_CHARS = 120;
    private static final int EDGE_LINES = 2;
    private static final int RUNNING_MIN_PAGES = 3;
    private static final float PARAGRAPH_GAP = 1.3f;
    private static final List<String> RUNNING_LABELS = List.of("chapter", "section", "part", "appendix");

    private final List<Line> lines;
    private final int maxChars;
    private final float bodySize;
    private final List<Float> headingSizes;
    private final float linePitch;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder paragraph = new StringBuilder();

    private PdfToMarkdown(List<Line> lines, int maxChars) {
        this.lines = lines;
        this.maxChars = maxChars;
        this.bodySize = bodySize(lines);
        this.linePitch = linePitch(lines, bodySize);
        this.headingSizes = new ArrayList<>(new TreeSet<>(lines.stream().map(Line::size).filter(size -> size >= bodySize * LARGER).toList())
                .descendingSet());
    }

    /** The Markdown of {@code lines}, in {@code pages} pages. */
    static String convert(List<Line> lines, int pages, int maxChars) {
        return new PdfToMarkdown(withoutRunningLines(lines, pages), maxChars).write(pages);
    }

    private String write(int pages) {
        int line = 0;
        for (int page = 1; page <= pages; page++) {
            while (line < lines.size() && lines.get(line).page() == page) {
                Line current = lines.get(line);
                if (isHeading(line)) {
                    StringBuilder heading = new StringBuilder(current.text());
                    while (line + 1 < lines.size() && lines.get(line + 1).page() == page && isHeading(line + 1)
                            && !startsParagraph(line + 1) && !isNumbered(lines.get(line + 1).text())) {
                        heading.append(' ').append(lines.get(++line).text());
                    }
                    endParagraph();
                    append("#".repeat(levelOf(current)) + " " + MarkdownText.escape(heading.toString()) + "\n\n");
                } else {
                    if (startsParagraph(line)) {
                        endParagraph();
                    }
                    join(current.text());
                }
                line++;
            }
            endParagraph();
            if (page < pages) {
                trimNewlines();
                append(String.valueOf(DocumentParser.PAGE_BREAK));
            }
        }
        return out.toString().strip();
    }

    private boolean isHeading(int index) {
        Line line = lines.get(index);
        String text = line.text();
        if (text.length() > HEADING_MAX_CHARS || text.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        if (line.size() >= bodySize * LARGER) {
            return true;
        }
        boolean alone = index + 1 >= lines.size() || startsParagraph(index + 1);
        return line.bold() && !text.endsWith(".") && (startsParagraph(index) && alone || isNumbered(text));
    }

    /** Whether a paragraph starts with this line: it opens a page, or stands further below the last than lines of text do, or is set in another size. */
    private boolean startsParagraph(int index) {
        if (index == 0) {
            return true;
        }
        Line line = lines.get(index);
        Line previous = lines.get(index - 1);
        return line.page() != previous.page() || line.size() != previous.size()
                || line.y() - previous.y() > linePitch * PARAGRAPH_GAP || line.y() < previous.y();
    }

    /** The distance between two lines of body text that follow each other, the most common one. */
    private static float linePitch(List<Line> lines, float bodySize) {
        Map<Float, Integer> pitches = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            Line previous = lines.get(i - 1);
            if (line.page() == previous.page() && line.size() == bodySize && previous.size() == bodySize && line.y() > previous.y()) {
                pitches.merge(Math.round((line.y() - previous.y()) * 2) / 2f, 1, Integer::sum);
            }
        }
        return pitches.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(bodySize * 1.2f);
    }

    /** {@code 2}, {@code 2.3} or {@code 2.3.1.} followed by a word. */
    private static boolean isNumbered(String text) {
        return numberingDepth(text) > 0;
    }

    private static int numberingDepth(String text) {
        int depth = 0;
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            depth++;
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        boolean wordFollows = i < text.length() && text.charAt(i) == ' ' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
        return wordFollows ? depth : 0;
    }

    private int levelOf(Line line) {
        int depth = numberingDepth(line.text());
        if (depth > 0) {
            return Math.min(6, depth);
        }
        int rank = headingSizes.indexOf(line.size());
        return Math.min(6, rank < 0 ? headingSizes.size() + 1 : rank + 1);
    }

    private void join(String text) {
        if (paragraph.isEmpty()) {
            paragraph.append(text);
            return;
        }
        int last = paragraph.length() - 1;
        char end = paragraph.charAt(last);
        boolean hyphenated = (end == '-' || end == '\u00AD') && last > 0 && Character.isLetter(paragraph.charAt(last - 1))
                && Character.isLowerCase(text.charAt(0));
        if (hyphenated) {
            paragraph.setLength(last);
        } else {
            paragraph.append(' ');
        }
        paragraph.append(text);
    }

    private void endParagraph() {
        if (!paragraph.isEmpty()) {
            String text = paragraph.toString();
            append(MarkdownText.escape(text) + "\n\n");
            paragraph.setLength(0);
        }
    }

    private void trimNewlines() {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
    }

    private void append(String text) {
        if (out.length() + text.length() > maxChars) {
            throw new TextTooLong(maxChars);
        }
        out.append(text);
    }

    /** The size most characters are set in. */
    private static float bodySize(List<Line> lines) {
        Map<Float, Integer> characters = new HashMap<>();
        lines.forEach(line -> characters.merge(line.size(), line.text().length(), Integer::sum));
        return characters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    /** {@code lines} without those among the first and last two of a page that open or close three or more pages alike. */
    private static List<Line> withoutRunningLines(List<Line> lines, int pages) {
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byPage.computeIfAbsent(lines.get(i).page(), page -> new ArrayList<>()).add(i);
        }
        Set<Integer> edges = new HashSet<>();
        byPage.values().forEach(indexes -> {
            for (int k = 0; k < indexes.size(); k++) {
                if (k < EDGE_LINES || k >= indexes.size() - EDGE_LINES) {
                    edges.add(indexes.get(k));
                }
            }
        });
        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        edges.forEach(i -> pagesOf.computeIfAbsent(shape(lines.get(i).text()), shape -> new HashSet<>()).add(lines.get(i).page()));
        Map<String, Set<String>> shapesByWords = new HashMap<>();
        lines.forEach(line -> shapesByWords.computeIfAbsent(words(line.text()), words -> new HashSet<>()).add(shape(line.text())));
        float bodySize = bodySize(lines);
        List<Line> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String shape = shape(line.text());
            boolean running = edges.contains(i) && (isPageNumber(shape) || pages >= RUNNING_MIN_PAGES && pagesOf.get(shape).size() >= RUNNING_MIN_PAGES
                    || line.size() <= bodySize && isNumberedCopy(line.text(), shapesByWords));
            if (!running && !isContentsEntry(lines.get(i).text())) {
                kept.add(lines.get(i));
            }
        }
        return kept;
    }

    /**
     * A line with a number that says in other words what another line says: "Chapter 3: Utilities 7"
     * for the heading "3 Utilities", or "2.1 Version 5" for "2.1 Version": the running header of a book.
     */
    private static boolean isNumberedCopy(String text, Map<String, Set<String>> shapesByWords) {
        String words = words(text);
        return text.chars().anyMatch(Character::isDigit) && !words.isEmpty() && shapesByWords.get(words).size() > 1;
    }

    /** The letters of a line, lower case, without a leading "chapter", "section", "part" or "appendix". */
    private static String words(String text) {
        StringBuilder letters = new StringBuilder();
        text.codePoints().filter(Character::isLetter).forEach(c -> letters.appendCodePoint(Character.toLowerCase(c)));
        String words = letters.toString();
        for (String label : RUNNING_LABELS) {
            if (words.startsWith(label) && words.length() > label.length()) {
                return words.substring(label.length());
            }
        }
        return words;
    }

    /** A line of a table of contents or an index: a title, a dot leader, a page number (a column of letters may follow). */
    private static boolean isContentsEntry(String text) {
        int leader = text.indexOf(". . . . .");
        if (leader < 0) {
            leader = text.indexOf(".....");
        }
        if (leader < 0) {
            return false;
        }
        int after = leader;
        while (after < text.length() && (text.charAt(after) == '.' || text.charAt(after) == ' ')) {
            after++;
        }
        return after < text.length() && Character.isDigit(text.charAt(after));
    }

    /** The line with every run of digits as {@code #}, lower case, so that "Page 3 of 9" and "Page 4 of 9" look alike. */
    private static String shape(String text) {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (shape.isEmpty() || shape.charAt(shape.length() - 1) != '#') {
                    shape.append('#');
                }
            } else if (!Character.isWhitespace(c)) {
                shape.append(Character.toLowerCase(c));
            }
        }
        return shape.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code 7}, {@code - 7 -}, {@code page 7}, {@code 7 / 9} or a roman numeral, alone on its line. */
    private static boolean isPageNumber(String shape) {
        String bare = shape.replace("page", "").replace("of", "").replace("-", "").replace("/", "");
        return bare.equals("#") || bare.equals("##") || !bare.isEmpty() && bare.chars().allMatch(c -> "ivxl".indexOf(c) >= 0) && bare.length() <= 5;
    }
}
