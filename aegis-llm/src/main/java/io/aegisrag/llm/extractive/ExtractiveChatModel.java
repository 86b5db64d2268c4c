package io.aegisrag.llm.extractive;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.llm.Transcript;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.core.query.Context;
import io.aegisrag.observability.interceptor.TrackedLlmCall;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The embedded {@link ChatModel}: no language model, it answers with up to three sentences of the
 * contexts that share the most content words with the question (at least half as many as the best
 * sentence), in context order, each followed by the {@code [n]} of its context. When no sentence
 * shares a word, it quotes the first sentence of the best context. Needs nothing installed and never
 * invents a word, and uses no tokens.
 */
@ApplicationScoped
public class ExtractiveChatModel implements ChatModel {

    static final String NO_CONTEXT_ANSWER = "No indexed document answers this question.";
    private static final int MAX_SENTENCES = 3;
    private static final Pattern LIST_OR_HEADING_MARK = Pattern.compile("^\\s*(#{1,6}|[-*+]|\\d+[.)])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "has", "have", "her", "was",
            "one", "our", "out", "his", "how", "its", "who", "why", "what", "which", "when", "where", "does", "did",
            "this", "that", "these", "those", "with", "from", "into", "about", "there", "their", "they", "them",
            "then", "than", "will", "would", "should", "could", "been", "being", "use", "used", "uses", "tell", "explain");

    private record Candidate(int contextNumber, int position, String sentence, int overlap) {
    }

    /** Writes the answer a sentence at a time, so that it streams like a model's. */
    @Override
    @TrackedLlmCall
    public Answer generate(Prompt prompt, String model, TokenSink sink) {
        Transcript transcript = new Transcript(sink);
        List<String> sentences = sentences(prompt.question(), prompt.contexts());
        for (int i = 0; i < sentences.size(); i++) {
            if (transcript.cancelled()) {
                return transcript.answer(provider(), model(), prompt, 0L, 0L, true);
            }
            transcript.write((i == 0 ? "" : " ") + sentences.get(i));
        }
        return transcript.answer(provider(), model(), prompt, 0L, 0L, false);
    }

    @Override
    public List<String> models() {
        return List.of(model());
    }

    private List<String> sentences(String question, List<Context> contexts) {
        if (contexts.isEmpty()) {
            return List.of(NO_CONTEXT_ANSWER);
        }
        Set<String> questionTerms = terms(question);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            List<String> sentences = sentencesOf(contexts.get(i).chunk().text());
            for (int position = 0; position < sentences.size(); position++) {
                String sentence = clean(sentences.get(position));
                if (!sentence.isEmpty()) {
                    candidates.add(new Candidate(i + 1, position, sentence, overlap(questionTerms, terms(sentence))));
                }
            }
        }
        int best = candidates.stream().mapToInt(Candidate::overlap).max().orElse(0);
        List<Candidate> chosen = candidates.stream()
                .filter(candidate -> candidate.overlap() > 0 && candidate.overlap() * 2 > best)
                .sorted(Comparator.comparingInt((Candidate c) -> -c.overlap())
                        .thenComparingInt(Candidate::contextNumber)
                        .thenComparingInt(Candidate::position))
                .limit(MAX_SENTENCES)
                .sorted(Comparator.comparingInt(Candidate::contextNumber).thenComparingInt(Candidate::position))
                .toList();
        if (chosen.isEmpty() && !candidates.isEmpty()) {
            chosen = List.of(candidates.get(0));
        }
        if (chosen.isEmpty()) {
            return List.of(NO_CONTEXT_ANSWER);
        }
        return chosen.stream().map(candidate -> candidate.sentence() + " [" + candidate.contextNumber() + "]").toList();
    }

    @Override
    public String provider() {
        return "extractive";
    }

    @Override
    public String model() {
        return "extractive";
    }

    @Override
    public String serviceName() {
        return "extractive";
    }

    /** Answers a question without contexts. */
    @Override
    public boolean isAvailable() {
        return !sentences("ready?", List.of()).isEmpty();
    }

    private static String clean(String sentence) {
        return WHITESPACE.matcher(LIST_OR_HEADING_MARK.matcher(sentence).replaceFirst("")).replaceAll(" ").strip();
    }

    /** The text split after each run of white space that follows a full stop, question or exclamation mark, and at each line break. */
    static List<String> sentencesOf(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean afterStop = i > 0 && isStop(text.charAt(i - 1)) && Character.isWhitespace(c);
            if (afterStop || c == '\n') {
                int end = i;
                while (i < text.length() && (afterStop ? Character.isWhitespace(text.charAt(i)) : text.charAt(i) == '\n')) {
                    i++;
                }
                sentences.add(text.substring(start, end));
                start = i;
            } else {
                i++;
            }
        }
        sentences.add(text.substring(start));
        return sentences;
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static int overlap(Set<String> question, Set<String> sentence) {
        int shared = 0;
        for (String term : question) {
            if (sentence.contains(term)) {
                shared++;
            }
        }
        return shared;
    }

    private static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || !Character.isLetterOrDigit(lower.charAt(i))) {
                if (i - start >= 3) {
                    String word = lower.substring(start, i);
                    if (!STOP_WORDS.contains(word)) {
                        terms.add(stem(word));
                    }
                }
                start = i + 1;
            }
        }
        return terms;
    }

    private static String stem(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
