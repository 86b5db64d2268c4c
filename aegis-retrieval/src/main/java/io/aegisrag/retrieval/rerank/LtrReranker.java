package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Learning to rank in process ({@code aegis.retrieval.rerank=ltr}): the {@link RankingFeatures} of
 * each candidate scored by a LambdaMART model (XGBoost, objective {@code rank:ndcg}) trained on
 * questions about several documentation corpora ({@code bench/run.sh rerank}) and shipped with the
 * service. The trees correct the fusion rather than replace it: a candidate's score is its
 * {@link #prior prior}, a multiple of its fused score (XGBoost's base margin in training), plus the
 * trees' margin, so that on a corpus unlike those it was trained on the model moves a candidate only
 * where its features say so clearly.
 */
public final class LtrReranker implements Reranker {

    /** The model the service ships, trained by {@code bench/run.sh rerank} on every labelled corpus. */
    public static final String SHIPPED_MODEL = "ltr-model.json";

    private static final double FUSED_SCORE_WEIGHT = 5;
    private static final int FUSED_SCORE = RankingFeatures.NAMES.indexOf("fused_score");

    private final TreeEnsemble model;

    public LtrReranker(TreeEnsemble model) {
        if (!model.featureNames().equals(RankingFeatures.NAMES)) {
            throw new IllegalArgumentException("the model was trained on the features " + model.featureNames()
                    + ", this version computes " + RankingFeatures.NAMES);
        }
        this.model = model;
    }

    /** The reranker with the model shipped with the service. */
    public static LtrReranker shipped() {
        try (InputStream json = LtrReranker.class.getResourceAsStream(SHIPPED_MODEL)) {
            if (json == null) {
                throw new IllegalStateException("the learned ranking model " + SHIPPED_MODEL + " is missing from the class path");
            }
            return new LtrReranker(TreeEnsemble.read(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a candidate's score starts from before the trees: its fused score (relative to the best candidate's), weighted. */
    public static double prior(float[] features) {
        return FUSED_SCORE_WEIGHT * features[FUSED_SCORE];
    }

    @Override
    public String name() {
        return "ltr";
    }

    @Override
    public double[] scores(String question, List<Context> candidates) {
        float[][] rows = RankingFeatures.of(question, candidates);
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = prior(rows[i]) + model.score(rows[i]);
        }
        return scores;
    }
}
