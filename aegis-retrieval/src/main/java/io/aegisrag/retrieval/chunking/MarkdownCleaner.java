package io.aegisrag.retrieval.chunking;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes from Markdown what a reader of the rendered page never sees: front matter, HTML comments,
 * link reference definitions, images and badges, HTML tags (their text stays), link targets (the
 * link text stays) and the common character entities. Fenced code blocks and inline code are kept
 * exactly as written. Runs in time linear in the text.
 */
public final class MarkdownCleaner {

    private static final Set<String> HTML_TAGS = Set.of("a", "abbr", "b", "big", "blockquote", "br", "center", "code", "dd",
            "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
            "i", "img", "ins", "kbd", "li", "ol", "p", "picture", "pre", "s", "small", "source", "span", "strong", "sub",
            "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "video");
    private static final List<String[]> ENTITIES = List.of(new String[]{"&nbsp;", " "}, new String[]{"&amp;", "&"},
            new String[]{"&lt;", "<"}, new String[]{"&gt;", ">"}, new String[]{"&quot;", "\""}, new String[]{"&#39;", "'"});
    private static final int FRONT_MATTER_MAX_LINES = 100;

    private boolean inComment;

    private MarkdownCleaner() {
    }

    /** {@code markdown} as its reader sees it, still Markdown: headings, lists and code blocks are kept. */
    public static String clean(String markdown) {
        return new MarkdownCleaner().cleanLines(markdown.split("\\R", -1));
    }

    private String cleanLines(String[] lines) {
        StringBuilder out = new StringBuilder();
        CodeFence fence = new CodeFence();
        for (int i = frontMatterEnd(lines); i < lines.length; i++) {
            String line = lines[i];
            if (!inComment && fence.isFence(line)) {
                out.append(line).append('\n');
            } else if (fence.isOpen()) {
                out.append(line).append('\n');
            } else if (inComment || !isLinkReferenceDefinition(line)) {
                out.append(cleanInline(line)).append('\n');
            }
        }
        return out.toString();
    }

    /** The index of the first line after a leading {@code ---} ... {@code ---} block, 0 when there is none. */
    private static int frontMatterEnd(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < Math.min(lines.length, FRONT_MATTER_MAX_LINES); i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code [label]: target}, indented by at most three spaces. */
    private static boolean isLinkReferenceDefinition(String line) {
        int start = 0;
        while (start < line.length() && start < 3 && line.charAt(start) == ' ') {
            start++;
        }
        if (!line.startsWith("[", start)) {
            return false;
        }
        int close = line.indexOf(']', start);
        return close > start + 1 && line.startsWith("]:", close);
    }

    private String cleanInline(String line) {
        int n = line.length();
        int[] nextBracket = nextIndexOf(line, ']');
        int[] nextParen = nextIndexOf(line, ')');
        int[] nextAngle = nextIndexOf(line, '>');
        Set<Integer> unclosedCodeRuns = new HashSet<>();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            if (inComment) {
                int end = line.indexOf("-->", i);
                if (end < 0) {
                    break;
                }
                inComment = false;
                i = end + 3;
                continue;
            }
            char c = line.charAt(i);
            int next;
            if (c == '`') {
                next = codeSpanEnd(line, i, unclosedCodeRuns);
                out.append(line, i, next);
            } else if (line.startsWith("<!--", i)) {
                inComment = true;
                next = i + 4;
            } else if ((next = imageEnd(line, i, nextBracket, nextParen)) > i) {
                // an image: the reader sees a picture, not its text
            } else if ((next = linkedImageEnd(line, i, nextBracket, nextParen)) > i) {
                // a badge: an image inside a link
            } else if (c == '[' && (next = linkEnd(line, i, nextBracket, nextParen)) > i) {
                out.append(line, i + 1, nextBracket[i + 1]);
            } else if (c == '<' && (next = tagEnd(line, i, nextAngle)) > i) {
                // an HTML tag: its text, between the tags, stays
            } else if (c == '&' && (next = appendEntity(line, i, out)) > i) {
                // a character entity, written as its character
            } else {
                out.append(c);
                next = i + 1;
            }
            i = next;
        }
        return out.toString();
    }

    private static int[] nextIndexOf(String line, char wanted) {
        int[] next = new int[line.length() + 1];
        next[line.length()] = -1;
        for (int i = line.length() - 1; i >= 0; i--) {
            next[i] = line.charAt(i) == wanted ? i : next[i + 1];
        }
        return next;
    }

    private static int at(int[] next, int index) {
        return index < next.length ? next[index] : -1;
    }

    /** The end of the code span opened by the backticks at {@code start}, or of the backticks alone when no run closes it. */
    private static int codeSpanEnd(String line, int start, Set<Integer> unclosedRuns) {
        int run = start;
        while (run < line.length() && line.charAt(run) == '`') {
            run++;
        }
        int length = run - start;
        if (unclosedRuns.contains(length)) {
            return run;
        }
        int close = line.indexOf("`".repeat(length), run);
        if (close < 0) {
            unclosedRuns.add(length);
            return run;
        }
        return close + length;
    }

    /** {@code ![alt](target)} at {@code i}: the index after it, or {@code i}. */
    private static int imageEnd(String line, int i, int[] nextBracket, int[] nextParen) {
        if (!line.startsWith("![", i)) {
            return i;
        }
        int close = at(nextBracket, i + 2);
        if (close < 0 || !line.startsWith("(", close + 1)) {
            return i;
        }
        int end = at(nextParen, close + 2);
        return end < 0 ? i : end + 1;
    }

    /** {@code [![alt](image)](target)} at {@code i}: the index after it, or {@code i}. */
    private static int linkedImageEnd(String line, int i, int[] nextBracket, int[] nextParen) {
        if (!line.startsWith("[", i)) {
            return i;
        }
        int image = imageEnd(line, i + 1, nextBracket, nextParen);
        if (image == i + 1 || !line.startsWith("](", image)) {
            return i;
        }
        int end = at(nextParen, image + 2);
        return end < 0 ? i : end + 1;
    }

    /** {@code [text](target)} or {@code [text][label]} at {@code i}: the index after it, or {@code i}. */
    private static int linkEnd(String line, int i, int[] nextBracket, int[] nextParen) {
        int close = at(nextBracket, i + 1);
        if (close < 0) {
            return i;
        }
        int end = line.startsWith("(", close + 1) ? at(nextParen, close + 2)
                : line.startsWith("[", close + 1) ? at(nextBracket, close + 2) : -1;
        return end < 0 ? i : end + 1;
    }

    /** An opening or closing tag of a known HTML element at {@code i}: the index after it, or {@code i}. */
    private static int tagEnd(String line, int i, int[] nextAngle) {
        int name = line.startsWith("/", i + 1) ? i + 2 : i + 1;
        int end = name;
        while (end < line.length() && Character.isLetterOrDigit(line.charAt(end))) {
            end++;
        }
        if (end == name || !HTML_TAGS.contains(line.substring(name, end).toLowerCase(Locale.ROOT))) {
            return i;
        }
        boolean delimited = end == line.length() || Character.isWhitespace(line.charAt(end))
                || line.charAt(end) == '>' || line.charAt(end) == '/';
        int close = at(nextAngle, end);
        return delimited && close >= 0 ? close + 1 : i;
    }

    private static int appendEntity(String line, int i, StringBuilder out) {
        for (String[] entity : ENTITIES) {
            if (line.startsWith(entity[0], i)) {
                out.append(entity[1]);
                return i + entity[0].length();
            }
        }
        return i;
    }
}
