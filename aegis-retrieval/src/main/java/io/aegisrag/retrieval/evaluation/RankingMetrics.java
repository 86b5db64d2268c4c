package io.aegisrag.retrieval.evaluation;

import java.util.List;

/**
 * Accumulates the ranking metrics of a question set, one ranking at a time: recall@1/5/10 (the share
 * of questions answered by one of the first k results), MRR@10 (the mean of 1 / rank of the first
 * answering result, 0 past 10) and nDCG@10 with binary relevance.
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

    /**
     * @param answers       for each result, best first, whether it answers the question
     * @param answersInCorpus how many chunks of the whole corpus answer it (the ideal ranking's hits)
     */
    public void add(List<Boolean> answers, int answersInCorpus) {
        questions++;
        int first = answers.indexOf(Boolean.TRUE);
        int rank = first < 0 ? Integer.MAX_VALUE : first + 1;
        recallAt1 += rank <= 1 ? 1 : 0;
        recallAt5 += rank <= 5 ? 1 : 0;
        recallAt10 += rank <= DEPTH ? 1 : 0;
        reciprocalRanks += rank <= DEPTH ? 1.0 / rank : 0;
        double dcg = 0;
        for (int i = 0; i < Math.min(DEPTH, answers.size()); i++) {
            dcg += answers.get(i) ? gain(i) : 0;
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(DEPTH, answersInCorpus); i++) {
            ideal += gain(i);
        }
        ndcg += ideal == 0 ? 0 : dcg / ideal;
    }

    private static double gain(int index) {
        return 1 / (Math.log(index + 2) / Math.log(2));
    }

    public Scores scores() {
        double n = Math.max(1, questions);
        return new Scores(questions, recallAt1 / n, recallAt5 / n, recallAt10 / n, reciprocalRanks / n, ndcg / n);
    }
}
