package io.aegisrag.retrieval.rerank;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The pure-Java scorer against XGBoost4J itself: a LambdaMART model trained here scores every row as XGBoost predicts it. */
class TreeEnsembleTest {

    private static final int FEATURES = 5;

    @Test
    void should_score_every_row_as_xgboost_predicts_it_missing_values_included() throws Exception {
        Random random = new Random(3);
        int groups = 60;
        int perGroup = 10;
        float[] data = new float[groups * perGroup * FEATURES];
        float[] labels = new float[groups * perGroup];
        int[] sizes = new int[groups];
        for (int g = 0; g < groups; g++) {
            sizes[g] = perGroup;
            for (int i = 0; i < perGroup; i++) {
                int row = g * perGroup + i;
                for (int f = 0; f < FEATURES; f++) {
                    data[row * FEATURES + f] = random.nextInt(7) == 0 ? Float.NaN : random.nextFloat();
                }
                float signal = Float.isNaN(data[row * FEATURES]) ? 0 : data[row * FEATURES];
                labels[row] = signal + 0.3f * random.nextFloat() > 0.8f ? 1 : 0;
            }
        }
        DMatrix matrix = new DMatrix(data, groups * perGroup, FEATURES, Float.NaN);
        matrix.setLabel(labels);
        matrix.setGroup(sizes);
        matrix.setFeatureNames(new String[]{"a", "b", "c", "d", "e"});
        Booster booster = XGBoost.train(matrix, Map.of("objective", "rank:ndcg", "max_depth", 3, "eta", 0.3, "seed", 1, "nthread", 1),
                25, Map.of(), null, null);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        booster.saveModel(json, "json");
        float[][] expected = booster.predict(matrix, true);

        TreeEnsemble model = TreeEnsemble.read(new ByteArrayInputStream(json.toByteArray()));

        assertThat(model.featureNames()).containsExactly("a", "b", "c", "d", "e");
        for (int row = 0; row < expected.length; row++) {
            float[] features = new float[FEATURES];
            System.arraycopy(data, row * FEATURES, features, 0, FEATURES);
            assertThat(model.score(features)).as("row %d", row).isCloseTo(expected[row][0], within(1e-4));
        }
        booster.dispose();
        matrix.dispose();
    }

    @Test
    void should_refuse_json_that_is_not_a_tree_model_and_rows_of_another_width() {
        assertThatThrownBy(() -> TreeEnsemble.read(new ByteArrayInputStream("{\"learner\": 3}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an XGBoost JSON tree model");
        TreeEnsemble shipped = TreeEnsemble.read(LtrReranker.class.getResourceAsStream(LtrReranker.SHIPPED_MODEL));
        assertThatThrownBy(() -> shipped.score(new float[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the row has 3");
    }
}
