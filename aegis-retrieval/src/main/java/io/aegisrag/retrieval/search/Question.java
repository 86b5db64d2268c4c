package io.aegisrag.retrieval.search;

import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.EmbeddingModel;

/**
 * A question as the retrievers of one query see it: its text, the memory its asker may read, and its
 * embedding, computed once for all of them, when the first one asks for it.
 * A failure to embed it is kept too: the model is asked once per question, whether it answers or not.
 */
public final class Question {

    private final String text;
    private final EmbeddingModel embeddings;
    private final MemoryScope memory;
    private float[] embedding;
    private RuntimeException failure;

    /** A question whose asker reads every group of memory: the service's own questions, and benchmarks'. */
    public Question(String text, EmbeddingModel embeddings) {
        this(text, embeddings, MemoryScope.ALL);
    }

    public Question(String text, EmbeddingModel embeddings, MemoryScope memory) {
        this.text = text;
        this.embeddings = embeddings;
        this.memory = memory;
    }

    public String text() {
        return text;
    }

    /** The groups of memory the asker reads. */
    public MemoryScope memory() {
        return memory;
    }

    /** The question's query embedding; the retrievers asking at the same time wait for the one computation. */
    public synchronized float[] embedding() {
        if (failure != null) {
            throw failure;
        }
        if (embedding == null) {
            try {
                embedding = embeddings.embedQuery(text);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return embedding;
    }
}
