package io.aegisrag.retrieval.fusion;

import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;

import java.util.Map;

/**
 * The weight of each retriever in the fusion, by intent. Retrievers absent from a row are not run.
 *
 * <pre>
 *  intent  | vector | bm25 | graph | memory | graph_global
 *  vector  |  1.0   | 0.5  | 0.1   | 0.5    | 0.1
 *  graph   |  1.0   | 1.0  | 0.3   | 0.5    | 0.1
 *  hybrid  |  1.0   | 1.0  | 0.1   | 0.5    | 0.1
 *  memory  |  0.5   | 0.2  | 0.1   | 1.0    | -
 * </pre>
 *
 * Set by the fusion sweep of the project's question set (bench/run.sh quality) for the default
 * fusion, normalised scores. After normalisation the best hit of BM25 counts 1 however few of the
 * question's words it matches, so for plain questions BM25 counts half of the embeddings: on the
 * harness 0.5 and 1 tie (MRR@10 0.550 and 0.546), and on a small corpus where the embeddings are
 * surer (QualityIT's dozen questions over their seven documents) 1 let BM25 pass the vector search's
 * right first hit twice, 0.5 did not. Comparisons and relations name things whose words BM25
 * matches: there it counts as much. The sweep's cross-check chose the best configuration on half of
 * the questions and measured it on the other half: there it did worse than these simple weights, so
 * they are not tuned further. The co-occurrence graph finds almost nothing on
 * reference documentation, even for relations, so it counts least, a little more for relational
 * questions. The memory retriever finds only facts of temporal memory (none in the question set), so
 * its column is set by rule, not measured: a question about how things stand now is answered mainly
 * from memory (its first fact outranks the first chunk), any other sees a fact of memory only when it
 * matches well and the documents match less. Reciprocal rank fusion ({@code aegis.retrieval.fusion=rrf})
 * uses the same weights.
 */
public final class RetrieverWeights {

    private RetrieverWeights() {
    }

    public static Map<Retriever, Double> forIntent(Intent intent) {
        return switch (intent) {
            case VECTOR -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 0.5, Retriever.GRAPH, 0.1, Retriever.MEMORY, 0.5,
                    Retriever.GRAPH_GLOBAL, 0.1);
            case HYBRID -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0, Retriever.GRAPH, 0.1, Retriever.MEMORY, 0.5,
                    Retriever.GRAPH_GLOBAL, 0.1);
            case GRAPH -> Map.of(Retriever.VECTOR, 1.0, Retriever.BM25, 1.0, Retriever.GRAPH, 0.3, Retriever.MEMORY, 0.5,
                    Retriever.GRAPH_GLOBAL, 0.1);
            case MEMORY -> Map.of(Retriever.VECTOR, 0.5, Retriever.BM25, 0.2, Retriever.GRAPH, 0.1, Retriever.MEMORY, 1.0);
        };
    }
}
