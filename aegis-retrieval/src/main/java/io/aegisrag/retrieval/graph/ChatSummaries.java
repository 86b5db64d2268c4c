package io.aegisrag.retrieval.graph;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.port.ChatChain;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Summaries written by the language model of the chat chain, in plain text: none when the chain ends
 * at the extractive model or no model answers (the caller keeps its extractive summary). The reply is
 * cached with its prompt, and its tokens and cost are accounted like any answer's.
 */
final class ChatSummaries {

    private static final Logger LOG = Logger.getLogger(ChatSummaries.class.getName());

    private ChatSummaries() {
    }

    /**
     * @param subject what is summarised, as the prompt's question and in the log
     * @param chars   the longest summary kept; a longer one is cut and ends with {@code …}
     */
    static Optional<String> write(ChatChain chain, String subject, String system, String user, int chars) {
        Prompt prompt = new Prompt(subject, List.of(), system, user, (system.length() + user.length()) / 4);
        try {
            Answer answer = chain.complete(prompt);
            if (answer.provider().equals(ChatChain.EXTRACTIVE)) {
                return Optional.empty();
            }
            return Optional.of(shortened(answer.text().strip().replaceAll("\\s+", " "), chars)).filter(text -> !text.isEmpty());
        } catch (LlmException e) {
            LOG.warning("no language model summarised " + subject + " (" + e.failure().label() + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    static String shortened(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1).strip() + "…";
    }
}
