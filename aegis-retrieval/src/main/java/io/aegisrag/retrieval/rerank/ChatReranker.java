package io.aegisrag.retrieval.rerank;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.query.Context;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

/**
 * Listwise reranking by the language model of the chat chain ({@code aegis.retrieval.rerank=llm}),
 * as RankGPT does (Sun et al., 2023): the candidates are numbered, each shown by its heading path and
 * the start of its text, and the model replies with their numbers, best first, in JSON that follows
 * a schema. Listed candidates come first in the model's order, the others after them in the fused
 * order. The call goes through the chain like an answer: its tokens and cost are accounted, its reply
 * is cached with its prompt. A chain that ended at the extractive model, or a reply that lists no
 * candidate, is a failure, and the fused order stands.
 */
public final class ChatReranker implements Reranker {

    static final int PASSAGE_CHARS = 600;
    private static final String SCHEMA = """
            {"type":"object","additionalProperties":false,"required":["ranking"],"properties":{
             "ranking":{"type":"array","items":{"type":"integer"}}}}""";
    private static final String SYSTEM = """
            You rank passages by how well they answer a question. The passages are numbered [1] to [%d]. \
            Reply with the JSON object {"ranking": [...]} listing the numbers of the passages that help answer \
            the question, the most useful first, each number once. Reply with the JSON object only.""";

    private final ChatChain chain;

    public ChatReranker(ChatChain chain) {
        this.chain = chain;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public double[] scores(String question, List<Context> candidates) {
        StringBuilder user = new StringBuilder("Question: ").append(question).append("\n\nPassages:\n");
        for (int i = 0; i < candidates.size(); i++) {
            String passage = candidates.get(i).chunk().withHeader();
            user.append("\n[").append(i + 1).append("] ")
                    .append(passage.length() > PASSAGE_CHARS ? passage.substring(0, PASSAGE_CHARS) + "…" : passage).append('\n');
        }
        String system = SYSTEM.formatted(candidates.size());
        Prompt prompt = new Prompt(question, List.of(), system, user.toString(), (system.length() + user.length()) / 4, SCHEMA);
        Answer answer = chain.complete(prompt);
        if (answer.provider().equals(ChatChain.EXTRACTIVE)) {
            throw new IllegalStateException("no language model of the chat chain answered; the extractive model cannot rank");
        }
        return scores(answer.text(), candidates.size());
    }

    /** Listed candidates score {@code n - position}, the others {@code -(fused index + 1)}. */
    private static double[] scores(String reply, int candidates) {
        double[] scores = new double[candidates];
        Arrays.setAll(scores, i -> -(i + 1));
        JsonValue ranking;
        try {
            ranking = Json.createReader(new StringReader(reply.strip())).readObject().get("ranking");
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalStateException("the language model's ranking is not a JSON object: " + abbreviated(reply));
        }
        if (ranking == null || ranking.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalStateException("the language model's reply has no 'ranking' list: " + abbreviated(reply));
        }
        int position = 0;
        for (JsonValue item : ranking.asJsonArray()) {
            if (item instanceof JsonNumber number && number.isIntegral() && number.intValue() >= 1 && number.intValue() <= candidates
                    && scores[number.intValue() - 1] < 0) {
                scores[number.intValue() - 1] = candidates - position++;
            }
        }
        if (position == 0) {
            throw new IllegalStateException("the language model's ranking lists no passage: " + abbreviated(reply));
        }
        return scores;
    }

    private static String abbreviated(String reply) {
        return reply.length() > 120 ? reply.substring(0, 120) + "…" : reply;
    }
}
