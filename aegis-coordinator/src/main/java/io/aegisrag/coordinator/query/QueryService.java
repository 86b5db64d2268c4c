package io.aegisrag.coordinator.query;

/** Answers questions from the indexed documents. */
public interface QueryService {

    /** @param body already validated at the REST boundary */
    QueryResult query(QueryRequest body);
}
