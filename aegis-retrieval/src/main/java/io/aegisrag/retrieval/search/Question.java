package io.aegisrag.retrieval.search;

import io.aegisrag.core.port.EmbeddingModel;

/**
 * A question as the retrievers of one query see it: its text, and its embedding, computed once for
 * all of them, when the first one needs it.
 */
public final class Question {

    private final String text;
    private final EmbeddingModel embeddings;
    private float[] embedding;

    public Question(String text, EmbeddingModel embeddings) {
        this.text = text;
        this.embeddings = embeddings;
    }

    public String text() {
        return text;
    }

    /** The question's query embedding; the retrievers asking at the same time wait for the one computation. */
    public synchronized float[] embedding() {
        if (embedding == null) {
            embedding = embeddings.embedQuery(text);
        }
        return embedding;
    }
}
