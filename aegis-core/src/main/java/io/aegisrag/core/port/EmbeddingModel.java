package io.aegisrag.core.port;

import java.util.List;

/** Turns texts into dense vectors of a fixed dimension. */
public interface EmbeddingModel extends BackingService {

    /** The vectors of {@code texts}, in the same order; implementations batch as they see fit. */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** The length of every vector this model returns. */
    int dimension();
}
