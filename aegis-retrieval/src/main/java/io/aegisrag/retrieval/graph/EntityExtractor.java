package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphExtractor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based entity and relation extraction, needing no model: runs of capitalised words (with a
 * name particle such as "van" or "von" between two of them), acronyms and CamelCase names are entities, less the function words that are capitalised only because
 * they open a sentence; two entities in one sentence are related, by the relation a statement
 * between them names ("Marie Curie worked with Pierre Curie": {@code worked_with}), else
 * {@code related_to}. The name
 * pattern's quantifiers are possessive, so matching never backtracks into a word: linear in the text.
 */
public final class EntityExtractor implements GraphExtractor {

    private static final Pattern NAME = Pattern.compile(
            "\\b(?:\\p{Lu}\\p{Ll}*+[\\p{Lu}\\p{N}][\\p{L}\\p{N}]*+|\\p{Lu}[\\p{Ll}\\p{N}]++"
                    + "(?:(?:[-\\s]|\\s(?:van|von|de|der|den|da|di|du|del|la|le)\\s)\\p{Lu}[\\p{L}\\p{N}]++){0,3})\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "For", "With",
            "And", "Or", "But", "If", "When", "Where", "What", "Which", "Who", "Why", "How", "Is", "Are", "Was",
            "Were", "Be", "To", "Of", "By", "From", "As", "We", "You", "They", "He", "She", "I", "Our", "Your",
            "Their", "Each", "Every", "All", "Some", "No", "Not", "Do", "Does", "Can", "Will", "Should", "Use",
            "Then", "There", "Here", "After", "Before", "Also", "One", "Two", "Note", "See", "Yes",
            "However", "Meanwhile", "Moreover", "Furthermore", "Therefore", "Thus", "Today", "Yesterday", "Tomorrow", "Later",
            "Now", "Still", "Although", "Because", "Since", "While", "During", "Despite", "Instead", "Finally", "Recently",
            "Currently", "Eventually", "Dr", "Mr", "Mrs", "Ms", "Prof", "Sir");
    private static final int MAX_RELATIONS_PER_SENTENCE = 10;

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Extraction extract(List<Chunk> chunks) {
        List<Mention> mentions = new ArrayList<>();
        Set<Relation> relations = new LinkedHashSet<>();
        for (Chunk chunk : chunks) {
            Set<String> seenInChunk = new LinkedHashSet<>();
            for (String sentence : Sentences.of(chunk.text())) {
                List<Entity> inSentence = names(sentence);
                for (Entity entity : inSentence) {
                    if (seenInChunk.add(entity.id())) {
                        mentions.add(new Mention(entity, chunk.id()));
                    }
                }
                relate(sentence, inSentence, chunk.id(), relations);
            }
        }
        return new Extraction(mentions, List.copyOf(relations));
    }

    /** The entities named in {@code text}, in order of first appearance. */
    public List<Entity> names(String text) {
        Map<String, Entity> found = new LinkedHashMap<>();
        Matcher names = NAME.matcher(text);
        while (names.find()) {
            String name = trimFunctionWords(names.group());
            if (name.isEmpty()) {
                continue;
            }
            Entity entity = Entity.named(name, isAcronymOrCamel(name) ? "technology" : "concept");
            found.putIfAbsent(entity.id(), entity);
        }
        return List.copyOf(found.values());
    }

    /**
     * Relates the entities of one sentence pairwise: by the relation a statement names when the words
     * between two consecutive names make one ({@link RelationStatements}, directed subject to object),
     * {@code related_to} otherwise.
     */
    private static void relate(String sentence, List<Entity> entities, String chunkId, Set<Relation> relations) {
        Map<Set<String>, Statement> stated = new HashMap<>();
        for (Statement statement : RelationStatements.inSentence(sentence, entities)) {
            stated.putIfAbsent(Set.of(statement.subject().id(), statement.object().id()), statement);
        }
        int added = 0;
        for (int i = 0; i < entities.size() && added < MAX_RELATIONS_PER_SENTENCE; i++) {
            for (int j = i + 1; j < entities.size() && added < MAX_RELATIONS_PER_SENTENCE; j++) {
                Statement statement = stated.get(Set.of(entities.get(i).id(), entities.get(j).id()));
                relations.add(statement == null ? new Relation(entities.get(i).id(), entities.get(j).id(), "related_to", chunkId, sentence)
                        : new Relation(statement.subject().id(), statement.object().id(), statement.relation(), chunkId, sentence));
                added++;
            }
        }
    }

    /** Whether {@code word} is a function word, a sentence adverb or a title: capitalised, but not a name. */
    static boolean isFunctionWord(String word) {
        return FUNCTION_WORDS.contains(word) || FUNCTION_WORDS.contains(word.replace(".", ""));
    }

    private static String trimFunctionWords(String name) {
        List<String> words = new ArrayList<>(List.of(name.split("[\\s]+")));
        while (!words.isEmpty() && FUNCTION_WORDS.contains(words.get(0))) {
            words.remove(0);
        }
        while (!words.isEmpty() && FUNCTION_WORDS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    private static boolean isAcronymOrCamel(String word) {
        return word.chars().skip(1).anyMatch(Character::isUpperCase) || word.chars().anyMatch(Character::isDigit);
    }
}
