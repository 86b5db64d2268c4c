package io.aegisrag.retrieval.graph;

import io.aegisrag.core.port.ChatChain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Summarises an entity of memory with the language model of the chat chain, from the statements true
 * now about it. The reply is cached with its prompt, so an entity is summarised again only when what
 * memory believes of it changed (a new or contradicting episode); nothing is written when the chain
 * ends at the extractive model or no model answers.
 */
public final class LlmEntitySummarizer implements EntitySummarizer {

    static final int STATEMENTS = 30;
    public static final int STATEMENT_CHARS = 300;
    public static final int SUMMARY_CHARS = 600;
    private static final String SYSTEM = """
            You write the summary of an entity of a memory: a person, organisation, place or thing that \
            conversations mention. In one to three sentences, say what is true of it now, using only the \
            statements given. Reply with the summary only, in plain text.""";

    private final ChatChain chain;

    public LlmEntitySummarizer(ChatChain chain) {
        this.chain = chain;
    }

    @Override
    public Optional<String> summarize(String name, List<String> statements) {
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        String facts = statements.stream().limit(STATEMENTS).map(statement -> "- " + ChatSummaries.shortened(statement, STATEMENT_CHARS))
                .collect(Collectors.joining("\n"));
        String user = "Entity: " + name + "\n\nStatements true now:\n" + facts
                + (statements.size() > STATEMENTS ? "\n(and " + (statements.size() - STATEMENTS) + " more)" : "");
        return ChatSummaries.write(chain, "the entity " + name, SYSTEM, user, SUMMARY_CHARS);
    }
}
