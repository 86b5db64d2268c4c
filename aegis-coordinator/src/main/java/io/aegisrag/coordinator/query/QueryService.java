package io.aegisrag.coordinator.query;

/** Answers questions from the indexed documents. */
public interface QueryService {

    /** @param body already validated at the REST boundary */
    QueryResult query(QueryRequest body);

    /**
     * Answers as {@link #query} does, telling {@code stream} where the answer starts and handing it each
     * piece of the answer as the model writes it.
     *
     * @param body already validated at the REST boundary
     */
    QueryResult chat(QueryRequest body, ChatStream stream);
}
