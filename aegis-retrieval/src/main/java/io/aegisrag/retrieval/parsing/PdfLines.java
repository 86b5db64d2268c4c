package io.aegisrag.retrieval.parsing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines of a PDF as PDFBox reads them in reading order, each with its page, where it stands on
 * it, and the font size and weight it is set in.
 */
final class PdfLines extends PDFTextStripper {

    /**
     * @param page the page, from 1
     * @param y    its baseline, in points from the top of the page
     * @param size the font size most of its characters are set in, in points
     * @param bold whether all its letters are set in a bold font
     */
    record Line(String text, int page, float y, float size, boolean bold) {
    }

    private static final int BOLD_WEIGHT = 700;

    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<TextPosition> positions = new ArrayList<>();

    private PdfLines() {
        setSortByPosition(true);
    }

    /** The lines of {@code document}, page after page. */
    static List<Line> of(PDDocument document) throws IOException {
        PdfLines reader = new PdfLines();
        reader.writeText(document, new StringWriter());
        return reader.lines;
    }

    @Override
    protected void writeString(String string, List<TextPosition> textPositions) {
        text.append(string);
        positions.addAll(textPositions);
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        endLine();
        super.endPage(page);
    }

    private void endLine() {
        String line = text.toString().strip();
        if (!line.isEmpty()) {
            float y = (float) positions.stream().mapToDouble(TextPosition::getYDirAdj).max().orElse(0);
            lines.add(new Line(line, getCurrentPageNo(), y, mostCommonSize(), allBold()));
        }
        text.setLength(0);
        positions.clear();
    }

    private float mostCommonSize() {
        Map<Float, Integer> counts = new HashMap<>();
        for (TextPosition position : positions) {
            counts.merge(Math.round(position.getFontSizeInPt() * 2) / 2f, 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    private boolean allBold() {
        boolean anyLetter = false;
        for (TextPosition position : positions) {
            if (position.getUnicode() == null || position.getUnicode().isBlank() || !Character.isLetter(position.getUnicode().charAt(0))) {
                continue;
            }
            anyLetter = true;
            if (!isBold(position.getFont())) {
                return false;
            }
        }
        return anyLetter;
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= BOLD_WEIGHT)) {
            return true;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        return name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("cmbx");
    }
}
