package io.aegisrag.retrieval.chunking;

/**
 * Follows fenced code blocks line by line as CommonMark delimits them: an opening run of three or more
 * backticks indented by at most three spaces, closed by a run at least as long with nothing after it,
 * so that a code block may show shorter fences as code.
 */
final class CodeFence {

    private static final int MIN_RUN = 3;
    private static final int MAX_INDENT = 3;

    private int openRun;

    /** Reads the next line: whether it opens or closes a fenced code block. */
    boolean isFence(String line) {
        int indent = 0;
        while (indent < line.length() && indent <= MAX_INDENT && line.charAt(indent) == ' ') {
            indent++;
        }
        int run = 0;
        while (indent + run < line.length() && line.charAt(indent + run) == '`') {
            run++;
        }
        if (indent > MAX_INDENT || run < MIN_RUN) {
            return false;
        }
        if (openRun == 0) {
            if (line.indexOf('`', indent + run) >= 0) {
                return false;
            }
            openRun = run;
            return true;
        }
        if (run >= openRun && line.substring(indent + run).isBlank()) {
            openRun = 0;
            return true;
        }
        return false;
    }

    /** Whether the lines read so far leave a code block open. */
    boolean isOpen() {
        return openRun > 0;
    }
}
