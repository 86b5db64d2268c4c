package io.aegisrag.core.port;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.query.Context;

import java.util.List;

/** Writes the answer to a question from the contexts retrieval chose, citing them as {@code [n]}. */
public interface ChatModel extends BackingService {

    /** @param contexts best first; {@code [1]} in the answer cites the first */
    Answer answer(String question, List<Context> contexts);

    /** The {@code provider} metric label. */
    String provider();

    /** The {@code model} metric label. */
    String model();
}
