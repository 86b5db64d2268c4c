package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.port.ChatChain;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Summarises a community with the language model of the chat chain, from its members and the
 * sentences that relate them (LightRAG's community report, in plain text). Nothing is written when
 * the chain ends at the extractive model or no model answers; the reply is cached with its prompt,
 * and its tokens and cost are accounted like any answer's.
 */
public final class LlmCommunitySummarizer implements CommunitySummarizer {

    private static final Logger LOG = Logger.getLogger(LlmCommunitySummarizer.class.getName());
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
        String facts = statements.stream().map(statement -> "- " + shortened(statement, STATEMENT_CHARS)).collect(Collectors.joining("\n"));
        String user = "Entities: " + entities + (members.size() > MEMBERS ? " and " + (members.size() - MEMBERS) + " more" : "")
                + "\n\nStatements:\n" + (facts.isEmpty() ? "(none)" : facts);
        Prompt prompt = new Prompt(entities, List.of(), SYSTEM, user, (SYSTEM.length() + user.length()) / 4);
        try {
            Answer answer = chain.complete(prompt);
            if (answer.provider().equals(ChatChain.EXTRACTIVE)) {
                return Optional.empty();
            }
            return Optional.of(shortened(answer.text().strip().replaceAll("\\s+", " "), SUMMARY_CHARS)).filter(text -> !text.isEmpty());
        } catch (LlmException e) {
            LOG.warning("no language model summarised a community (" + e.failure().label() + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String shortened(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1).strip() + "…";
    }
}
