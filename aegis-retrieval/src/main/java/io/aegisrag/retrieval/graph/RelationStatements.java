package io.aegisrag.retrieval.graph;

import io.aegisrag.core.graph.Entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the statements of a text that relate one named entity to the next in the same sentence,
 * without a language model: "Alice now works at Globex" gives {@code alice —works_at→ globex}. The
 * words between the two names are the relation when they are one to four plain words, the first of
 * which looks like a verb (ends in -s or -ed, or is a common irregular verb or an auxiliary), that are
 * not only prepositions or conjunctions; adverbs of time and a trailing article are dropped, and
 * common phrasings of one relation share its name (joined, works for, started at: {@code works_at}),
 * so that a later statement contradicts an earlier one however it is put. Without a part-of-speech
 * tagger this is a heuristic: it misses what is said otherwise, and the LLM extractor does better.
 */
public final class RelationStatements {

    private static final int MAX_RELATION_WORDS = 4;
    private static final Set<String> DROPPED = Set.of("now", "currently", "also", "still", "recently", "just", "then",
            "finally", "has", "have", "had", "since", "already", "officially");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> AUXILIARIES = Set.of("is", "was", "are", "were");
    private static final Set<String> VERBS = Set.of("is", "was", "are", "were", "will", "can", "does", "did", "built", "wrote",
            "led", "ran", "made", "bought", "sold", "left", "became", "began", "took", "gave", "met", "knew", "won", "heads",
            "leads", "run", "use", "own", "lead", "manage", "work", "live", "know", "written", "known", "born", "given", "taken",
            "seen", "done", "shown", "grown", "drawn", "held", "sent", "spent", "found");
    private static final Set<String> LINKING_ONLY = Set.of("and", "or", "but", "to", "of", "in", "on", "at", "for", "with",
            "from", "by", "as", "the", "a", "an", "than", "vs", "versus", "nor", "is", "are", "was", "were");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("works at", "works_at"), Map.entry("worked at", "works_at"), Map.entry("works for", "works_at"),
            Map.entry("worked for", "works_at"), Map.entry("joined", "works_at"), Map.entry("started at", "works_at"),
            Map.entry("started working at", "works_at"), Map.entry("is employed by", "works_at"), Map.entry("moved to", "lives_in"),
            Map.entry("lives in", "lives_in"), Map.entry("lived in", "lives_in"), Map.entry("relocated to", "lives_in"),
            Map.entry("resides in", "lives_in"), Map.entry("is based in", "lives_in"), Map.entry("reports to", "reports_to"),
            Map.entry("reported to", "reports_to"), Map.entry("uses", "uses"), Map.entry("used", "uses"),
            Map.entry("switched to", "uses"), Map.entry("migrated to", "uses"), Map.entry("runs on", "uses"));

    private RelationStatements() {
    }

    /** The statements of every sentence of {@code text}, the entities found by {@link EntityExtractor#names}. */
    public static List<Statement> of(String text) {
        EntityExtractor extractor = new EntityExtractor();
        List<Statement> statements = new ArrayList<>();
        for (String sentence : Sentences.of(text)) {
            statements.addAll(inSentence(sentence, extractor.names(sentence)));
        }
        return statements;
    }

    /** The statements of one sentence that names {@code entities} (in their order of appearance). */
    public static List<Statement> inSentence(String sentence, List<Entity> entities) {
        List<Statement> statements = new ArrayList<>();
        List<Mention> mentions = mentions(sentence, entities);
        for (int i = 0; i + 1 < mentions.size(); i++) {
            Mention subject = mentions.get(i);
            Mention object = mentions.get(i + 1);
            relation(sentence.substring(subject.end(), object.start()))
                    .ifPresent(relation -> statements.add(new Statement(subject.entity(), relation, object.entity(), sentence)));
        }
        return statements;
    }

    private record Mention(Entity entity, int start, int end) {
    }

    /** The entities of a sentence where they stand in it, in order. */
    private static List<Mention> mentions(String sentence, List<Entity> entities) {
        List<Mention> mentions = new ArrayList<>();
        int from = 0;
        for (Entity entity : entities) {
            int start = sentence.indexOf(entity.name(), from);
            if (start >= 0) {
                mentions.add(new Mention(entity, start, start + entity.name().length()));
                from = start + entity.name().length();
            }
        }
        return mentions;
    }

    private static boolean looksLikeVerb(String word) {
        return VERBS.contains(word) || word.endsWith("ed") || (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3);
    }

    private static Optional<String> relation(String between) {
        String phrase = between.strip().toLowerCase(Locale.ROOT);
        if (!phrase.matches("\\p{L}+(?: \\p{L}+)*")) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(Arrays.stream(phrase.split(" ")).filter(word -> !DROPPED.contains(word)).toList());
        while (!words.isEmpty() && ARTICLES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || words.size() > MAX_RELATION_WORDS || !looksLikeVerb(words.get(0)) || LINKING_ONLY.containsAll(words)) {
            return Optional.empty();
        }
        String joined = String.join(" ", words);
        return Optional.of(canonical(joined));
    }

    /**
     * The name of a relation said in {@code words} (spaces or underscores between them): a common
     * phrasing's shared name, else the words joined by underscores, less an auxiliary before a verb
     * ("is written in": {@code written_in}).
     */
    public static String canonical(String words) {
        String phrase = words.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
        if (SYNONYMS.containsKey(phrase)) {
            return SYNONYMS.get(phrase);
        }
        String[] parts = phrase.split(" ", 2);
        if (parts.length == 2 && AUXILIARIES.contains(parts[0]) && looksLikeVerb(parts[1].split(" ")[0])) {
            phrase = parts[1];
        }
        return phrase.replace(' ', '_');
    }
}
