package io.aegisrag.retrieval.chunking;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.port.DocumentParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Markdown or plain text as its reader sees it ({@link MarkdownBlocks}, CommonMark) and splits it into chunks of at most {@code maxChars} characters that never cross
 * a section (heading) boundary. Paragraphs are kept whole when they fit, else split at sentences (a table at its rows),
 * else at words; consecutive chunks of one section share about {@code overlapChars} characters.
 * Paragraphs without a letter or digit are dropped. Every step runs in time linear in the text:
 * CommonMark's parser is, and the one pattern left cannot backtrack.
 */
public final class MarkdownChunker {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final int maxChars;
    private final int overlapChars;

    /**
     * @param maxChars     the largest chunk, in characters (at least 50)
     * @param overlapChars characters repeated from the end of one chunk at the start of the next
     *                     in the same section; less than half of {@code maxChars}
     */
    public MarkdownChunker(int maxChars, int overlapChars) {
        if (maxChars < 50) {
            throw new IllegalArgumentException("chunk size must be at least 50 characters, got " + maxChars);
        }
        if (overlapChars < 0 || overlapChars * 2 >= maxChars) {
            throw new IllegalArgumentException("chunk overlap must be in [0, size/2), got " + overlapChars);
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    /**
     * The chunks of {@code text}; a text made of pages ({@link DocumentParser#PAGE_BREAK} between them)
     * gives chunks that never cross a page, each with its page, the heading path going on across pages.
     */
    public List<Chunk> chunk(DocumentId documentId, String title, String source, String text) {
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : sections(text)) {
            for (String body : pack(section.paragraphs())) {
                chunks.add(new Chunk(Chunk.idOf(documentId, chunks.size()), documentId, title, source,
                        section.path(), body, chunks.size(), section.page()));
            }
        }
        return chunks;
    }

    private record Section(String path, List<String> paragraphs, int page) {
    }

    private static List<Section> sections(String text) {
        String[] pages = text.split(String.valueOf(DocumentParser.PAGE_BREAK), -1);
        List<Section> sections = new ArrayList<>();
        String[] headings = new String[6];
        String path = "";
        for (int page = 0; page < pages.length; page++) {
            path = sectionsOfPage(pages[page], pages.length > 1 ? page + 1 : 0, headings, path, sections);
        }
        return sections;
    }

    /** Adds the sections of one page, going on from the heading path the previous page ended in; the path this page ends in. */
    private static String sectionsOfPage(String text, int page, String[] headings, String startPath, List<Section> sections) {
        List<String> paragraphs = new ArrayList<>();
        String path = startPath;
        for (MarkdownBlocks.Block block : MarkdownBlocks.read(text)) {
            if (block instanceof MarkdownBlocks.HeadingBlock heading) {
                if (!paragraphs.isEmpty()) {
                    sections.add(new Section(path, List.copyOf(paragraphs), page));
                    paragraphs.clear();
                }
                headings[heading.level() - 1] = heading.text();
                for (int i = heading.level(); i < headings.length; i++) {
                    headings[i] = null;
                }
                path = joinPath(headings);
            } else if (block instanceof MarkdownBlocks.TextBlock paragraph && paragraph.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                paragraphs.add(paragraph.text());
            }
        }
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(path, paragraphs, page));
        }
        return path;
    }

    private static String joinPath(String[] headings) {
        StringBuilder path = new StringBuilder();
        for (String heading : headings) {
            if (heading != null) {
                path.append(path.isEmpty() ? "" : " > ").append(heading);
            }
        }
        return path.toString();
    }

    private List<String> pack(List<String> paragraphs) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(paragraphs)) {
            if (!current.isEmpty() && current.length() + 1 + piece.length() > maxChars) {
                String done = current.toString();
                chunks.add(done);
                current.setLength(0);
                String tail = overlapOf(done);
                if (!tail.isEmpty() && tail.length() + 1 + piece.length() <= maxChars) {
                    current.append(tail);
                }
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private List<String> pieces(List<String> paragraphs) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph.length() <= maxChars) {
                pieces.add(paragraph);
                continue;
            }
            if (isTable(paragraph)) {
                pieces.addAll(rows(paragraph));
                continue;
            }
            for (String sentence : SENTENCE_END.split(paragraph)) {
                if (sentence.length() <= maxChars) {
                    pieces.add(sentence);
                } else {
                    pieces.addAll(words(sentence));
                }
            }
        }
        return pieces;
    }

    /** A Markdown table: every line a row between pipes. */
    private static boolean isTable(String paragraph) {
        return paragraph.lines().allMatch(line -> line.startsWith("|"));
    }

    /** A table too long for a chunk, row by row; a row longer than a chunk at words. */
    private List<String> rows(String table) {
        List<String> rows = new ArrayList<>();
        table.lines().forEach(row -> rows.addAll(row.length() <= maxChars ? List.of(row) : words(row)));
        return rows;
    }

    private List<String> words(String sentence) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String whole : sentence.split("\\s+")) {
            int from = 0;
            while (whole.length() - from > maxChars) {
                int to = from + maxChars;
                if (Character.isHighSurrogate(whole.charAt(to - 1))) {
                    to--;
                }
                addPart(part, parts);
                parts.add(whole.substring(from, to));
                from = to;
            }
            String word = whole.substring(from);
            if (part.length() + 1 + word.length() > maxChars) {
                addPart(part, parts);
            }
            part.append(part.isEmpty() ? "" : " ").append(word);
        }
        addPart(part, parts);
        return parts;
    }

    private static void addPart(StringBuilder part, List<String> parts) {
        if (!part.isEmpty()) {
            parts.add(part.toString());
            part.setLength(0);
        }
    }

    private String overlapOf(String chunk) {
        if (overlapChars == 0 || chunk.length() <= overlapChars) {
            return "";
        }
        String tail = chunk.substring(chunk.length() - overlapChars);
        int wordStart = tail.indexOf(' ');
        return wordStart < 0 ? "" : tail.substring(wordStart + 1).strip();
    }
}
