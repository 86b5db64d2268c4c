package io.aegisrag.core.port;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.Prompt;

/**
 * The service's chat models as one: the configured chain of providers with its fallbacks, budgets,
 * circuit breakers and response cache. The adapters that ask a language model to read or judge text
 * (the LLM graph extractor, episode reader, community summariser and reranker) depend on this port,
 * not on the chain's implementation.
 */
public interface ChatChain {

    /** The provider that answers when no language model can: it writes from the contexts, it cannot read or judge. */
    String EXTRACTIVE = "extractive";

    /**
     * The whole answer to {@code prompt} from the first provider of the chain that answers;
     * {@link Answer#provider()} says which ({@link #EXTRACTIVE} when the chain fell through to it).
     *
     * @throws LlmException when no provider answered
     */
    Answer complete(Prompt prompt);
}
