package io.aegisrag.bench;

import io.aegisrag.retrieval.rerank.LtrReranker;
import io.aegisrag.retrieval.rerank.RankingFeatures;
import io.aegisrag.retrieval.rerank.TreeEnsemble;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the learned ranking with XGBoost4J: LambdaMART (objective {@code rank:ndcg}), one group per
 * question, label 1 for the candidates that hold the question's passage, each candidate's
 * {@link LtrReranker#prior} its base margin, so the trees learn corrections to the fused order. Questions none of whose
 * candidates hold it teach nothing and are left out. The model comes back as XGBoost's JSON, read by
 * the service's own {@link TreeEnsemble}, so what is measured is what the service scores.
 */
final class LambdaMart {

    /** The candidates of one question: their features and whether each holds the passage. */
    record Group(float[][] rows, boolean[] relevant) {

        boolean teaches() {
            for (boolean r : relevant) {
                if (r) {
                    return true;
                }
            }
            return false;
        }
    }

    static final int ROUNDS = 50;

    /**
     * The training parameters, as XGBoost names them: shallow trees, few rounds, as measured best leave-one-corpus-out
     * among depths 2 to 4, 30 to 120 rounds, pair methods topk and mean, with and without the fused prior.
     */
    static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("objective", "rank:ndcg");
        parameters.put("eta", 0.1);
        parameters.put("max_depth", 2);
        parameters.put("seed", 7);
        parameters.put("nthread", 2);
        return parameters;
    }

    private LambdaMart() {
    }

    /** The model's JSON trained on {@code groups}. */
    static byte[] train(List<Group> groups) throws XGBoostError, IOException {
        List<Group> teaching = groups.stream().filter(Group::teaches).toList();
        int columns = RankingFeatures.NAMES.size();
        int rows = teaching.stream().mapToInt(group -> group.rows().length).sum();
        float[] data = new float[rows * columns];
        float[] labels = new float[rows];
        float[] priors = new float[rows];
        int[] sizes = new int[teaching.size()];
        int row = 0;
        for (int g = 0; g < teaching.size(); g++) {
            Group group = teaching.get(g);
            sizes[g] = group.rows().length;
            for (int i = 0; i < group.rows().length; i++, row++) {
                System.arraycopy(group.rows()[i], 0, data, row * columns, columns);
                labels[row] = group.relevant()[i] ? 1 : 0;
                priors[row] = (float) LtrReranker.prior(group.rows()[i]);
            }
        }
        DMatrix matrix = new DMatrix(data, rows, columns, Float.NaN);
        matrix.setLabel(labels);
        matrix.setGroup(sizes);
        matrix.setBaseMargin(priors);
        matrix.setFeatureNames(RankingFeatures.NAMES.toArray(String[]::new));
        Booster booster = XGBoost.train(matrix, parameters(), ROUNDS, Map.of(), null, null);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        booster.saveModel(json, "json");
        booster.dispose();
        matrix.dispose();
        return json.toByteArray();
    }

    static TreeEnsemble read(byte[] json) {
        return TreeEnsemble.read(new ByteArrayInputStream(json));
    }
}
