package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;

import java.util.Map;

/**
 * The weight of each retriever in the fusion, by intent: the retriever that suits the intent counts
 * fully, the others less. Retrievers absent from a row are not run.
 *
 * <pre>
 *  intent  | vector | bm25 | graph
 *  vector  |  1.0   | 0.6  | 0.3
 *  graph   |  0.6   | 0.4  | 1.0
 *  hybrid  |  1.0   | 1.0  | 0.8
 *  memory  |  0.8   | 0.6  | 0.3
 * </pre>
 */
public final class RetrieverWeights {

    private RetrieverWeights() {
    }

    public static Map<Retriever, Double> forIntent(Intent intent) {
        return switch (intent) {
            case VECTOR -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.6, Retriever.GRAPH, 0.3);
            case GRAPH -> Map.of(Retriever.VECTOR, 0.6, Retriever.BM25, 0.4, Retriever.GRAPH, 1.0);
            case HYBRID -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0, Retriever.GRAPH, 0.8);
            case MEMORY -> Map.of(Retriever.VECTOR, 0.8, Retriever.BM25, 0.6, Retriever.GRAPH, 0.3);
        };
    }
}
