package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.EntitySimilarity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The unit vectors of the entities' names in one flat array, scanned row by row: a snapshot the
 * graph store replaces when its entities change, so a search holds no lock and walks memory in order.
 */
final class NameVectors {

    private static final Comparator<EntitySimilarity> MOST_SIMILAR_FIRST = Comparator.comparingDouble(EntitySimilarity::similarity)
            .reversed().thenComparing(EntitySimilarity::entityId);

    private final String[] ids;
    private final float[] rows;
    private final int dimension;

    private NameVectors(String[] ids, float[] rows, int dimension) {
        this.ids = ids;
        this.rows = rows;
        this.dimension = dimension;
    }

    /** The vectors of {@code byId} of the query's {@code dimension}; vectors of another length are left out. */
    static NameVectors of(Map<String, float[]> byId, int dimension) {
        List<Map.Entry<String, float[]>> kept = byId.entrySet().stream().filter(entry -> entry.getValue().length == dimension).toList();
        String[] ids = new String[kept.size()];
        float[] rows = new float[kept.size() * dimension];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = kept.get(i).getKey();
            System.arraycopy(kept.get(i).getValue(), 0, rows, i * dimension, dimension);
        }
        return new NameVectors(ids, rows, dimension);
    }

    int dimension() {
        return dimension;
    }

    /** The {@code limit} names nearest to the unit vector {@code query}, most similar first. */
    List<EntitySimilarity> nearest(float[] query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        PriorityQueue<EntitySimilarity> kept = new PriorityQueue<>(limit, MOST_SIMILAR_FIRST.reversed());
        for (int row = 0; row < ids.length; row++) {
            double similarity = dot(query, row * dimension);
            if (kept.size() < limit || similarity >= kept.peek().similarity()) {
                kept.add(new EntitySimilarity(ids[row], similarity));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        return kept.stream().sorted(MOST_SIMILAR_FIRST).toList();
    }

    private float dot(float[] query, int offset) {
        float a = 0, b = 0, c = 0, d = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            a += query[i] * rows[offset + i];
            b += query[i + 1] * rows[offset + i + 1];
            c += query[i + 2] * rows[offset + i + 2];
            d += query[i + 3] * rows[offset + i + 3];
        }
        for (; i < dimension; i++) {
            a += query[i] * rows[offset + i];
        }
        return a + b + c + d;
    }
}
