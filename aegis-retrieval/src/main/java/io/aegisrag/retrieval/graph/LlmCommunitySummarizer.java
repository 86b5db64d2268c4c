package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.port.ChatChain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Summarises a community with the language model of the chat chain, from its members and the
 * sentences that relate them (LightRAG's community report, in plain text). Nothing is written when
 * the chain ends at the extractive model or no model answers; the reply is cached with its prompt,
 * and its tokens and cost are accounted like any answer's.
 */
public final class LlmCommunitySummarizer implements CommunitySummarizer {

    static final int MEMBERS = 20;
    public static final int STATEMENT_CHARS = 300;
    public static final int SUMMARY_CHARS = 1000;
    private static final String SYSTEM = """
            You write the summary of a community of a knowledge graph: entities that documents relate to each \
            other. In two or three sentences, say what the community is about and how its main entities relate, \
            using only the statements given. Reply with the summary only, in plain text.""";

    private final ChatChain chain;

    public LlmCommunitySummarizer(ChatChain chain) {
        this.chain = chain;
    }

    @Override
    public Optional<String> summarize(List<Entity> members, List<String> statements) {
        String entities = members.stream().limit(MEMBERS).map(member -> member.name() + " (" + member.type() + ")")
                .collect(Collectors.joining(", "));
        String facts = statements.stream().map(statement -> "- " + ChatSummaries.shortened(statement, STATEMENT_CHARS)).collect(Collectors.joining("\n"));
        String user = "Entities: " + entities + (members.size() > MEMBERS ? " and " + (members.size() - MEMBERS) + " more" : "")
                + "\n\nStatements:\n" + (facts.isEmpty() ? "(none)" : facts);
        return ChatSummaries.write(chain, "the community of " + entities, SYSTEM, user, SUMMARY_CHARS);
    }
}
