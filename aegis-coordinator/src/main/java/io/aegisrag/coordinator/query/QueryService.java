package io.aegisrag.coordinator.query;

import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.Turn;

import java.util.List;

/**
 * Answers questions from the indexed documents and from the memory of the caller: {@code memory} says
 * which groups of memory the memory retriever reads, and in which group (and so under which session
 * key) the conversation's turns are kept.
 */
public interface QueryService {

    /** @param body already validated at the REST boundary */
    QueryResult query(QueryRequest body, MemoryScope memory);

    /**
     * Answers as {@link #query} does, telling {@code stream} where the answer starts and handing it each
     * piece of the answer as the model writes it.
     *
     * @param body already validated at the REST boundary
     */
    QueryResult chat(QueryRequest body, MemoryScope memory, ChatStream stream);

    /**
     * Answers as {@link #chat(QueryRequest, MemoryScope, ChatStream)} does, in the conversation {@code history} the
     * caller holds (an OpenAI or Ollama client sends its earlier messages) instead of its session's.
     *
     * @param history earlier turns, oldest first
     */
    QueryResult chat(QueryRequest body, MemoryScope memory, List<Turn> history, ChatStream stream);

    /** The passages {@link #query} would answer from, ranked, without generating an answer. */
    List<QueryResult.Source> search(QueryRequest body, MemoryScope memory);
}
