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
 *  graph   |  1.0   | 0.3  | 0.7
 *  hybrid  |  1.0   | 0.7  | 0.1
 *  memory  |  1.0   | 0.3  | 0.1
 * </pre>
 *
 * The vector row is measured: on the project's question set (bench/run.sh quality) it is the best of
 * 52 weightings and depths by MRR@10, better than any retriever alone on every metric, with the
 * embedding models compared there. BM25 adds answers that the embeddings miss but ranks worse, so it
 * counts less; the co-occurrence graph finds almost nothing on reference documentation, so it counts
 * least. The question set holds too few questions of the other intents to measure their rows: each
 * keeps the vector row and raises the retriever its intent names (the graph for relations, BM25 for
 * comparisons, whose two named things are words to match).
 */
public final class RetrieverWeights {

    private RetrieverWeights() {
    }

    public static Map<Retriever, Double> forIntent(Intent intent) {
        return switch (intent) {
            case VECTOR, MEMORY -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.3, Retriever.GRAPH, 0.1);
            case GRAPH -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.3, Retriever.GRAPH, 0.7);
            case HYBRID -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.7, Retriever.GRAPH, 0.1);
        };
    }
}
