package io.aegisrag.retrieval.rerank;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.InputStream;
import java.util.List;

/**
 * Gradient-boosted regression trees as XGBoost saves them in JSON ({@code Booster.saveModel("model.json")}),
 * scored in plain Java: no native library to load inside the application server, the same margin as
 * XGBoost's {@code predict(…, outputMargin = true)}. A node sends a feature value below its split
 * condition left, at or above it right, and a missing value (NaN) its learned default way.
 */
public final class TreeEnsemble {

    private record Tree(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {

        float leaf(float[] features) {
            int node = 0;
            while (left[node] >= 0) {
                float value = features[feature[node]];
                node = Float.isNaN(value) ? (defaultLeft[node] ? left[node] : right[node])
                        : value < condition[node] ? left[node] : right[node];
            }
            return condition[node];
        }
    }

    private final List<Tree> trees;
    private final float baseScore;
    private final List<String> featureNames;

    private TreeEnsemble(List<Tree> trees, float baseScore, List<String> featureNames) {
        this.trees = trees;
        this.baseScore = baseScore;
        this.featureNames = featureNames;
    }

    /**
     * Reads a model saved by XGBoost in JSON.
     *
     * @throws IllegalArgumentException when the JSON is not a tree model of XGBoost's format
     */
    public static TreeEnsemble read(InputStream json) {
        try (JsonReader reader = Json.createReader(json)) {
            JsonObject learner = reader.readObject().getJsonObject("learner");
            JsonObject parameters = learner.getJsonObject("learner_model_param");
            JsonObject booster = learner.getJsonObject("gradient_booster");
            if (!"gbtree".equals(booster.getString("name"))) {
                throw new IllegalArgumentException("only gbtree models are scored, not " + booster.getString("name"));
            }
            List<Tree> trees = booster.getJsonObject("model").getJsonArray("trees").getValuesAs(JsonObject.class).stream()
                    .map(TreeEnsemble::tree).toList();
            int features = (int) number(parameters.get("num_feature"));
            List<String> names = learner.containsKey("feature_names")
                    ? learner.getJsonArray("feature_names").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                    : List.of();
            if (names.size() != features) {
                throw new IllegalArgumentException("the model names " + names.size() + " features and reads " + features);
            }
            return new TreeEnsemble(trees, number(parameters.get("base_score")), names);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException ? e : new IllegalArgumentException("not an XGBoost JSON tree model: " + e, e);
        }
    }

    private static Tree tree(JsonObject tree) {
        JsonArray defaults = tree.getJsonArray("default_left");
        boolean[] defaultLeft = new boolean[defaults.size()];
        for (int i = 0; i < defaultLeft.length; i++) {
            defaultLeft[i] = defaults.getInt(i) != 0;
        }
        float[] conditions = new float[tree.getJsonArray("split_conditions").size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = (float) tree.getJsonArray("split_conditions").getJsonNumber(i).doubleValue();
        }
        return new Tree(ints(tree.getJsonArray("left_children")), ints(tree.getJsonArray("right_children")),
                ints(tree.getJsonArray("split_indices")), conditions, defaultLeft);
    }

    private static int[] ints(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().mapToInt(JsonNumber::intValue).toArray();
    }

    /** A number XGBoost writes as a JSON number, a string, or a string of a one-element list ({@code "[5E-1]"}). */
    private static float number(JsonValue value) {
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        return Float.parseFloat(text.replace("[", "").replace("]", "").strip());
    }

    /** The names of the features a row holds, in order, as the model was trained with them. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The model's margin for one row of features. */
    public double score(float[] row) {
        if (row.length != featureNames.size()) {
            throw new IllegalArgumentException("the model reads " + featureNames.size() + " features, the row has " + row.length);
        }
        float sum = baseScore;
        for (Tree tree : trees) {
            sum += tree.leaf(row);
        }
        return sum;
    }
}
