package io.aegisrag.coordinator.query;

import io.aegisrag.core.query.Intent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule-based intent classification, checked in order: questions about earlier conversation or about
 * how things stand now ("where does Alice work now?") go to memory, comparisons go hybrid, questions about how things relate go to the graph, long multi-part
 * questions go hybrid, the rest to vector search. A relation is asked in words that relate two
 * things ("depends on", "related to"): the nouns "dependency" or "link", everyday words of technical
 * documentation, are not enough (bench/results/quality.md).
 */
@ApplicationScoped
public class IntentClassifier {

    private static final List<Rule> RULES = List.of(
            new Rule(Intent.MEMORY, "\\b(remember|earlier|previously|last time|we (discussed|talked)|i (said|asked|told)|my (last|previous)"
                    + "|currently|these days|any ?more|used to|at the moment|as of)\\b|\\b(now|still)\\?"),
            new Rule(Intent.HYBRID, "\\b(compare|comparison|versus|vs\\.?|difference|differences|pros and cons|trade-?offs?)\\b"),
            new Rule(Intent.GRAPH, "\\b(relat(ed|ion|es) to|relationships?|connect(ed|ion|ions|s)|linked (to|with)|depend(s|ing)? on"
                    + "|who (works|uses|built)|neighbou?rs?)\\b"));
    private static final int LONG_QUESTION_WORDS = 25;

    private record Rule(Intent intent, Pattern pattern) {
        Rule(Intent intent, String regex) {
            this(intent, Pattern.compile(regex));
        }
    }

    public Intent classify(String query) {
        String text = query.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return rule.intent();
            }
        }
        return text.split("\\s+").length >= LONG_QUESTION_WORDS ? Intent.HYBRID : Intent.VECTOR;
    }
}
