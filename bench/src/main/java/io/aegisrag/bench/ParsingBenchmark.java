package io.aegisrag.bench;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The worst time per MiB of the parsers that see user text (chunker, entity extractor) over inputs
 * built to make a backtracking parser slow, at 1 and 2 MiB: linear code takes twice as long for
 * twice the input. The baseline is the heading pattern the chunker had before, on a heading padded
 * with spaces, measured in the same run.
 */
public final class ParsingBenchmark {

    private static final int MIB = 1024 * 1024;
    private static final int REPETITIONS = 5;
    private static final Pattern BACKTRACKING_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    private ParsingBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
        inputs.put("prose", size -> "Apache Lucene indexes dense vectors in HNSW graphs for Open Liberty. ".repeat(size / 69 + 1).substring(0, size));
        inputs.put("heading padded with spaces", size -> "# a" + " ".repeat(size - 4) + "b");
        inputs.put("one word, one line", size -> "A" + "a".repeat(size - 1));
        inputs.put("capitalised words", size -> "Ab Cd Ef Gh ".repeat(size / 12));
        inputs.put("underscored names", size -> "Aa_".repeat(size / 3));
        inputs.put("sentence ends", size -> "a.".repeat(size / 2));
        inputs.put("nul, right-to-left and surrogates", size -> "\u0000\u202E\uD83D\uDE00 ".repeat(size / 5));

        MarkdownChunker chunker = new MarkdownChunker(800, 100);
        Map<String, GraphExtractor> extractors = Map.of("entity extractor (rules)", new EntityExtractor(),
                "entity extractor (OpenNLP)", new OpenNlpGraphExtractor());
        DocumentId id = DocumentId.random();
        List<List<String>> rows = new ArrayList<>();
        double worstPerMib = 0;
        for (Map.Entry<String, IntFunction<String>> input : inputs.entrySet()) {
            for (String parser : List.of("chunker", "entity extractor (rules)", "entity extractor (OpenNLP)")) {
                double[] millis = new double[2];
                for (int mib = 1; mib <= 2; mib++) {
                    String text = input.getValue().apply(mib * MIB);
                    Supplier<?> work = parser.equals("chunker")
                            ? () -> chunker.chunk(id, "t", "s", text)
                            : () -> extractors.get(parser).extract(List.of(new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0)));
                    millis[mib - 1] = medianMillis(work);
                }
                worstPerMib = Math.max(worstPerMib, millis[1] / 2);
                rows.add(List.of(input.getKey(), parser, format(millis[0]), format(millis[1]), format(millis[1] / millis[0])));
            }
        }
        List<List<String>> baseline = new ArrayList<>();
        for (int spaces : new int[]{250, 500, 1000}) {
            String line = "# a" + " ".repeat(spaces) + "b";
            double before = medianMillis(() -> BACKTRACKING_HEADING.matcher(line).matches());
            double now = medianMillis(() -> chunker.chunk(id, "t", "s", line + "\n\ntext"));
            baseline.add(List.of(Integer.toString(spaces), format(before), format(now)));
        }
        new Report("Parsers that see user text: worst time per MiB", "bench/run.sh parsing")
                .paragraph("Median of " + REPETITIONS + " runs after one warm-up, one thread. Linear code takes about twice as long for"
                        + " 2 MiB as for 1 MiB (ratio ≈ 2); a backtracking parser's ratio is 4 or more.")
                .table(List.of("input", "parser", "1 MiB ms", "2 MiB ms", "2 MiB / 1 MiB"), rows)
                .paragraph(String.format(Locale.ROOT, "**Worst time per MiB: %.1f ms.**", worstPerMib))
                .paragraph("Baseline in the same run: the heading pattern the chunker had before (`^(#{1,6})\\s+(.+?)\\s*#*\\s*$`)"
                        + " against today's whole chunker, on one heading line padded with spaces.")
                .table(List.of("spaces", "old heading pattern ms", "chunker today ms"), baseline)
                .writeTo("parsing.md");
    }

    private static double medianMillis(Supplier<?> work) {
        work.get();
        double[] runs = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            work.get();
            runs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(runs);
        return runs[REPETITIONS / 2];
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
