package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;

import java.util.Map;

/**
 * The weight of each retriever in the fusion, by intent. Retrievers absent from a row are not run.
 *
 * <pre>
 *  intent  | vector | bm25 | graph | memory | graph_global
 *  vector  |  1.0   | 0.3  | 0.1   | 0.5    | 0.1
 *  graph   |  1.0   | 0.7  | 0.3   | 0.5    | 0.1
 *  hybrid  |  1.0   | 1.0  | 0.1   | 0.5    | 0.1
 *  memory  |  0.5   | 0.2  | 0.1   | 1.0    | -
 * </pre>
 *
 * The first three columns of the first three rows are the best of the fusion sweep of the project's
 * question set (bench/run.sh quality) for the questions of their intent: 62 for vector, 9 for hybrid,
 * 7 for graph, so the last two rows rest on few questions. The memory retriever finds only facts of
 * temporal memory (none in the question set), so its column is set by rule, not measured: a question
 * about how things stand now is answered mainly from memory (its first fact outranks the first chunk),
 * any other sees a fact of memory only when it matches well and the documents match less. BM25 adds answers that the embeddings
 * miss but ranks worse, so it counts less, except in comparisons and relations, which name two
 * things whose words it matches; the co-occurrence graph finds almost nothing on reference
 * documentation, even for relations, so it counts least (more than 0.3 lowered MRR@10 there).
 */
public final class RetrieverWeights {

    private RetrieverWeights() {
    }

    public static Map<Retriever, Double> forIntent(Intent intent) {
        return switch (intent) {
            case VECTOR -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.3, Retriever.GRAPH, 0.1, Retriever.MEMORY, 0.5,
                    Retriever.GRAPH_GLOBAL, 0.1);
            case GRAPH -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.7, Retriever.GRAPH, 0.3, Retriever.MEMORY, 0.5,
                    Retriever.GRAPH_GLOBAL, 0.1);
            case HYBRID -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0, Retriever.GRAPH, 0.1, Retriever.MEMORY, 0.5,
                    Retriever.GRAPH_GLOBAL, 0.1);
            case MEMORY -> Map.of(Retriever.VECTOR, 0.5, Retriever.BM25, 0.2, Retriever.GRAPH, 0.1, Retriever.MEMORY, 1.0);
        };
    }
}
