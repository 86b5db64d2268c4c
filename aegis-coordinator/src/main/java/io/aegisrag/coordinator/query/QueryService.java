package io.aegisrag.coordinator.query;

import io.aegisrag.core.memory.Turn;

import java.util.List;

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

    /**
     * Answers as {@link #chat(QueryRequest, ChatStream)} does, in the conversation {@code history} the
     * caller holds (an OpenAI or Ollama client sends its earlier messages) instead of its session's.
     *
     * @param history earlier turns, oldest first
     */
    QueryResult chat(QueryRequest body, List<Turn> history, ChatStream stream);

    /** The passages {@link #query} would answer from, ranked, without generating an answer. */
    List<QueryResult.Source> search(QueryRequest body);
}
