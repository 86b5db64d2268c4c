package io.aegisrag.llm.prompt;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.query.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the messages a chat model is asked: a system message that holds it to the contexts, and a
 * user message with the contexts numbered {@code [1]..[n]} followed by the question. It fits the
 * model's context window, leaving room for the answer: contexts are kept whole, best first, and
 * the first one that does not fit ends the list, so the numbering always matches the sources shown.
 * Lengths are estimated at {@link #CHARS_PER_TOKEN} characters a token (English prose; no tokenizer
 * of the model is at hand), so the window is a bound to stay well under, not a count.
 */
public final class PromptBuilder {

    static final int CHARS_PER_TOKEN = 4;
    static final String SYSTEM = """
            You answer questions using only the numbered contexts in the user's message.
            Cite every statement with the number of the context it comes from, in square brackets, like [1] or [2][3].
            Cite only numbers that appear in the contexts. If the contexts do not contain the answer, say that you \
            do not know from the indexed documents; never use outside knowledge. Answer concisely.""";

    private final int contextWindowTokens;
    private final int answerTokens;

    /**
     * @param contextWindowTokens the model's context window
     * @param answerTokens        the most the answer may take of it
     */
    public PromptBuilder(int contextWindowTokens, int answerTokens) {
        if (answerTokens < 1 || contextWindowTokens <= answerTokens) {
            throw new IllegalArgumentException("the context window (" + contextWindowTokens
                    + " tokens) must be larger than the answer's share (" + answerTokens + " tokens)");
        }
        this.contextWindowTokens = contextWindowTokens;
        this.answerTokens = answerTokens;
    }

    /** The estimated number of tokens of {@code text}. */
    public static int estimateTokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    public Prompt build(String question, List<Context> contexts) {
        String questionPart = "Question: " + question + "\nAnswer with citations:";
        int budget = contextWindowTokens - answerTokens - estimateTokens(SYSTEM) - estimateTokens(questionPart);
        List<Context> kept = new ArrayList<>();
        StringBuilder user = new StringBuilder("Contexts:\n\n");
        for (Context context : contexts) {
            String block = block(kept.size() + 1, context.chunk());
            if (estimateTokens(user.toString() + block) > budget) {
                break;
            }
            kept.add(context);
            user.append(block);
        }
        if (kept.isEmpty()) {
            user.setLength(0);
            user.append("There are no contexts: no indexed document matched the question.\n\n");
        }
        user.append(questionPart);
        return new Prompt(question, kept, SYSTEM, user.toString(), estimateTokens(SYSTEM) + estimateTokens(user.toString()));
    }

    /** The answer's share of the window: what a model is allowed to write. */
    public int answerTokens() {
        return answerTokens;
    }

    public int contextWindowTokens() {
        return contextWindowTokens;
    }

    private static String block(int number, Chunk chunk) {
        String heading = chunk.section() == null || chunk.section().isBlank() ? chunk.title() : chunk.title() + " > " + chunk.section();
        return "[" + number + "] " + heading + "\n" + chunk.text().strip() + "\n\n";
    }
}
