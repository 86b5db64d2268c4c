package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;

import java.util.Map;

/**
 * The weight of each retriever in the fusion, by intent. Retrievers absent from a row are not run.
 *
 * <pre>
 *  intent  | vector | bm25 | graph
 *  vector  |  1.0   | 0.3  | 0.1
 *  graph   |  1.0   | 0.7  | 0.3
 *  hybrid  |  1.0   | 1.0  | 0.1
 *  memory  |  1.0   | 0.3  | 0.1
 * </pre>
 *
 * Each row is the best of the fusion sweep of the project's question set (bench/run.sh quality) for
 * the questions of its intent: 62 for vector (memory has none yet and shares its row), 9 for hybrid,
 * 7 for graph, so the last two rows rest on few questions. BM25 adds answers that the embeddings
 * miss but ranks worse, so it counts less, except in comparisons and relations, which name two
 * things whose words it matches; the co-occurrence graph finds almost nothing on reference
 * documentation, even for relations, so it counts least (more than 0.3 lowered MRR@10 there).
 */
public final class RetrieverWeights {

    private RetrieverWeights() {
    }

    public static Map<Retriever, Double> forIntent(Intent intent) {
        return switch (intent) {
            case VECTOR, MEMORY -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.3, Retriever.GRAPH, 0.1);
            case GRAPH -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.7, Retriever.GRAPH, 0.3);
            case HYBRID -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0, Retriever.GRAPH, 0.1);
        };
    }
}
