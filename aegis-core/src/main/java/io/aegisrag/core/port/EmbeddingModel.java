package io.aegisrag.core.port;

import java.util.List;

/** Turns texts into dense vectors of a fixed dimension. */
public interface EmbeddingModel extends BackingService {

    /** The vectors of {@code texts}, in the same order; implementations batch as they see fit. */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /**
     * The vector of a search query, to be compared with the vectors of {@link #embedAll passages}.
     * Models trained with a query instruction add it here; the others embed the query as any text.
     */
    default float[] embedQuery(String query) {
        return embed(query);
    }

    /** The length of every vector this model returns. */
    int dimension();
}
