package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.EntitySimilarity;
import org.apache.lucene.util.VectorUtil;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The unit vectors of the entities' names in arrays, scanned in order: a snapshot the graph store
 * replaces when its entities change, so a search holds no lock and walks no hash map.
 */
final class NameVectors {

    private static final Comparator<EntitySimilarity> MOST_SIMILAR_FIRST = Comparator.comparingDouble(EntitySimilarity::similarity)
            .reversed().thenComparing(EntitySimilarity::entityId);

    private final String[] ids;
    private final float[][] rows;
    private final int dimension;

    private NameVectors(String[] ids, float[][] rows, int dimension) {
        this.ids = ids;
        this.rows = rows;
        this.dimension = dimension;
    }

    /** The vectors of {@code byId} of the query's {@code dimension}; vectors of another length are left out. */
    static NameVectors of(Map<String, float[]> byId, int dimension) {
        List<Map.Entry<String, float[]>> kept = byId.entrySet().stream().filter(entry -> entry.getValue().length == dimension).toList();
        String[] ids = new String[kept.size()];
        float[][] rows = new float[kept.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = kept.get(i).getKey();
            rows[i] = kept.get(i).getValue();
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
            double similarity = VectorUtil.dotProduct(query, rows[row]);
            if (kept.size() < limit || similarity >= kept.peek().similarity()) {
                kept.add(new EntitySimilarity(ids[row], similarity));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        return kept.stream().sorted(MOST_SIMILAR_FIRST).toList();
    }
}
