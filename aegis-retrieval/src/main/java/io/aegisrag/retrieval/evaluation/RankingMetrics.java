package io.aegisrag.retrieval.evaluation;

import java.util.List;

/**
 * Accumulates the ranking metrics of a question set, one ranking at a time: recall@1/5/10 (the share
 * of questions answered by one of the first k results), MRR@10 (the mean of 1 / rank of the first
 * answering result, 0 past 10) and nDCG@10 with one relevant item, the passage: 1 / log2(1 + rank)
 * of the first result that contains it (copies of the passage further down gain nothing).
 */
public final class RankingMetrics {

    /** The metrics' means over {@code questions} rankings. */
    public record Scores(int questions, double recallAt1, double recallAt5, double recallAt10, double mrrAt10, double ndcgAt10) {
    }

    private static final int DEPTH = 10;

    private int questions;
    private double recallAt1;
    private double recallAt5;
    private double recallAt10;
    private double reciprocalRanks;
    private double ndcg;

    /** @param answers for each result, best first, whether it answers the question */
    public void add(List<Boolean> answers) {
        questions++;
        int first = answers.subList(0, Math.min(DEPTH, answers.size())).indexOf(Boolean.TRUE);
        if (first < 0) {
            return;
        }
        int rank = first + 1;
        recallAt1 += rank <= 1 ? 1 : 0;
        recallAt5 += rank <= 5 ? 1 : 0;
        recallAt10 += 1;
        reciprocalRanks += 1.0 / rank;
        ndcg += 1 / (Math.log(rank + 1) / Math.log(2));
    }

    public Scores scores() {
        double n = Math.max(1, questions);
        return new Scores(questions, recallAt1 / n, recallAt5 / n, recallAt10 / n, reciprocalRanks / n, ndcg / n);
    }
}
