package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the learned ranking knows of each candidate of a question: how the retrievers ranked it, how
 * the question's terms fall in its text, heading path and title (BM25 over the candidates, the share
 * of the terms and of the rare ones held, the tightest span and the best window holding them, the
 * identifiers the question names), its size and place, and how its document fared. Term statistics
 * (document frequencies, average lengths) are those of the candidates: the ranking compares them
 * with each other. A missing value (a retriever that did not find the candidate, a question that
 * names no identifier) is NaN, which the trees send their learned way.
 */
public final class RankingFeatures {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int WINDOW = 24;
    private static final Retriever[] RETRIEVERS = Retriever.values();

    /** The features' names, in the order of each row. */
    public static final List<String> NAMES = names();

    private RankingFeatures() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("fused_score", "fused_reciprocal_rank"));
        for (Retriever retriever : RETRIEVERS) {
            names.add(retriever.label() + "_score");
            names.add(retriever.label() + "_reciprocal_rank");
        }
        names.addAll(List.of("vector_similarity", "retrievers", "bm25_text", "bm25_text_relative", "bm25_section", "bm25_title",
                "terms_in_text", "idf_in_text", "rare_terms_in_text", "idf_in_heading", "span_density", "best_window",
                "identifiers_in_section", "identifiers_in_text", "log_length", "section_depth", "log_position",
                "document_best_score", "document_candidates", "document_reciprocal_rank", "question_terms"));
        return List.copyOf(names);
    }

    /** One row of {@link #NAMES} for each candidate, in the candidates' order. */
    public static float[][] of(String question, List<Context> candidates) {
        Terms terms = new Terms();
        List<String> asked = List.copyOf(new LinkedHashSet<>(terms.of(question)));
        List<String> identifiers = Terms.identifiers(question);
        int n = candidates.size();
        Field text = new Field(n, asked.size());
        Field section = new Field(n, asked.size());
        Field title = new Field(n, asked.size());
        Map<String, Integer> askedIndex = new HashMap<>();
        for (int t = 0; t < asked.size(); t++) {
            askedIndex.put(asked.get(t), t);
        }
        for (int i = 0; i < n; i++) {
            var chunk = candidates.get(i).chunk();
            text.read(i, terms.ofPassage(chunk.text()), askedIndex);
            section.read(i, terms.ofPassage(chunk.section()), askedIndex);
            title.read(i, terms.ofPassage(chunk.title()), askedIndex);
        }
        double[] idf = idf(asked.size(), n, text, section, title);
        double idfTotal = Arrays.stream(idf).sum();
        double rareCut = median(idf);
        double[] bm25Text = text.bm25(idf);
        double[] bm25Section = section.bm25(idf);
        double[] bm25Title = title.bm25(idf);
        double bestBm25Text = Arrays.stream(bm25Text).max().orElse(0);
        double bestFused = candidates.stream().mapToDouble(Context::score).max().orElse(0);
        Map<Retriever, double[]> bounds = scoreBounds(candidates);
        Map<String, List<Integer>> byDocument = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byDocument.computeIfAbsent(documentOf(candidates.get(i)), d -> new ArrayList<>()).add(i);
        }

        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            Context candidate = candidates.get(i);
            List<Float> row = new ArrayList<>(NAMES.size());
            row.add(ratio(candidate.score(), bestFused));
            row.add(1f / (i + 1));
            for (Retriever retriever : RETRIEVERS) {
                Context.RetrieverRank rank = candidate.ranks().get(retriever);
                row.add(rank == null ? Float.NaN : normalised(rank.score(), bounds.get(retriever)));
                row.add(rank == null ? 0f : 1f / rank.rank());
            }
            Context.RetrieverRank vector = candidate.ranks().get(Retriever.VECTOR);
            row.add(vector == null ? Float.NaN : (float) vector.score());
            row.add((float) candidate.ranks().size());
            row.add((float) bm25Text[i]);
            row.add(ratio(bm25Text[i], bestBm25Text));
            row.add((float) bm25Section[i]);
            row.add((float) bm25Title[i]);
            row.add(asked.isEmpty() ? 0f : (float) text.held(i) / asked.size());
            row.add(ratio(text.idfHeld(i, idf), idfTotal));
            row.add(ratio(text.rareHeld(i, idf, rareCut), rareTotal(idf, rareCut)));
            row.add(ratio(section.idfHeldWith(title, i, idf), idfTotal));
            row.add(text.spanDensity(i));
            row.add(ratio(text.bestWindow(i, idf), idfTotal));
            row.add(share(identifiers, candidate.chunk().section() + " " + candidate.chunk().title()));
            row.add(share(identifiers, candidate.chunk().text()));
            row.add((float) Math.log1p(text.length(i)));
            row.add((float) (candidate.chunk().section().isEmpty() ? 0 : candidate.chunk().section().split(" > ").length));
            row.add((float) Math.log1p(candidate.chunk().position()));
            List<Integer> ofDocument = byDocument.get(documentOf(candidate));
            row.add(ratio(candidates.get(ofDocument.get(0)).score(), bestFused));
            row.add((float) ofDocument.size());
            row.add(1f / (ofDocument.indexOf(i) + 1));
            row.add((float) asked.size());
            rows[i] = toArray(row);
        }
        return rows;
    }

    private static String documentOf(Context candidate) {
        var chunk = candidate.chunk();
        return chunk.documentId() == null ? chunk.source() : chunk.documentId().value();
    }

    /** Each retriever's lowest and highest score among the candidates it found. */
    private static Map<Retriever, double[]> scoreBounds(List<Context> candidates) {
        Map<Retriever, double[]> bounds = new EnumMap<>(Retriever.class);
        for (Context candidate : candidates) {
            candidate.ranks().forEach((retriever, rank) -> {
                double[] minMax = bounds.computeIfAbsent(retriever, r -> new double[]{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                minMax[0] = Math.min(minMax[0], rank.score());
                minMax[1] = Math.max(minMax[1], rank.score());
            });
        }
        return bounds;
    }

    private static float normalised(double score, double[] minMax) {
        return minMax[1] > minMax[0] ? (float) ((score - minMax[0]) / (minMax[1] - minMax[0])) : 1f;
    }

    private static double[] idf(int terms, int n, Field... fields) {
        double[] idf = new double[terms];
        for (int t = 0; t < terms; t++) {
            int df = 0;
            for (int i = 0; i < n; i++) {
                boolean found = false;
                for (Field field : fields) {
                    found |= field.counts[i][t] > 0;
                }
                df += found ? 1 : 0;
            }
            idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return idf;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double rareTotal(double[] idf, double cut) {
        return Arrays.stream(idf).filter(value -> value >= cut).sum();
    }

    private static float share(List<String> identifiers, String text) {
        if (identifiers.isEmpty()) {
            return Float.NaN;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return (float) identifiers.stream().filter(lower::contains).count() / identifiers.size();
    }

    private static float ratio(double part, double whole) {
        return whole > 0 ? (float) (part / whole) : 0f;
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** One field (text, heading path or title) of every candidate: its length, and where the question's terms fall in it. */
    private static final class Field {

        final int[] lengths;
        final int[][] counts;
        final List<int[]> occurrences = new ArrayList<>();

        Field(int candidates, int terms) {
            lengths = new int[candidates];
            counts = new int[candidates][terms];
        }

        /** Keeps candidate {@code i}'s length, and the position and term of each occurrence of a question's term, as pairs. */
        void read(int i, List<String> terms, Map<String, Integer> asked) {
            lengths[i] = terms.size();
            List<Integer> pairs = new ArrayList<>();
            for (int position = 0; position < terms.size(); position++) {
                Integer t = asked.get(terms.get(position));
                if (t != null) {
                    counts[i][t]++;
                    pairs.add(position);
                    pairs.add(t);
                }
            }
            occurrences.add(pairs.stream().mapToInt(Integer::intValue).toArray());
        }

        int length(int i) {
            return lengths[i];
        }

        double[] bm25(double[] idf) {
            double average = Arrays.stream(lengths).average().orElse(0);
            double[] scores = new double[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                double norm = K1 * (1 - B + B * (average > 0 ? lengths[i] / average : 0));
                for (int t = 0; t < idf.length; t++) {
                    int tf = counts[i][t];
                    scores[i] += tf == 0 ? 0 : idf[t] * tf * (K1 + 1) / (tf + norm);
                }
            }
            return scores;
        }

        int held(int i) {
            return (int) Arrays.stream(counts[i]).filter(count -> count > 0).count();
        }

        double idfHeld(int i, double[] idf) {
            double sum = 0;
            for (int t = 0; t < idf.length; t++) {
                sum += counts[i][t] > 0 ? idf[t] : 0;
            }
            return sum;
        }

        double idfHeldWith(Field other, int i, double[] idf) {
            double sum = 0;
            for (int t = 0; t < idf.length; t++) {
                sum += counts[i][t] > 0 || other.counts[i][t] > 0 ? idf[t] : 0;
            }
            return sum;
        }

        double rareHeld(int i, double[] idf, double cut) {
            double sum = 0;
            for (int t = 0; t < idf.length; t++) {
                sum += counts[i][t] > 0 && idf[t] >= cut ? idf[t] : 0;
            }
            return sum;
        }

        /** The distinct question terms held, over the length of the shortest run of terms that holds them all; 0 when none. */
        float spanDensity(int i) {
            int held = held(i);
            if (held == 0) {
                return 0f;
            }
            int[] pairs = occurrences.get(i);
            int[] inWindow = new int[counts[i].length];
            int distinct = 0;
            int shortest = Integer.MAX_VALUE;
            int left = 0;
            for (int right = 0; right < pairs.length; right += 2) {
                if (inWindow[pairs[right + 1]]++ == 0) {
                    distinct++;
                }
                while (distinct == held) {
                    shortest = Math.min(shortest, pairs[right] - pairs[left] + 1);
                    if (--inWindow[pairs[left + 1]] == 0) {
                        distinct--;
                    }
                    left += 2;
                }
            }
            return (float) held / shortest;
        }

        /** The most idf that question terms hold within {@value #WINDOW} consecutive terms. */
        double bestWindow(int i, double[] idf) {
            int[] pairs = occurrences.get(i);
            int[] inWindow = new int[idf.length];
            double held = 0;
            double best = 0;
            int left = 0;
            for (int right = 0; right < pairs.length; right += 2) {
                if (inWindow[pairs[right + 1]]++ == 0) {
                    held += idf[pairs[right + 1]];
                }
                while (pairs[right] - pairs[left] >= WINDOW) {
                    if (--inWindow[pairs[left + 1]] == 0) {
                        held -= idf[pairs[left + 1]];
                    }
                    left += 2;
                }
                best = Math.max(best, held);
            }
            return best;
        }
    }
}
