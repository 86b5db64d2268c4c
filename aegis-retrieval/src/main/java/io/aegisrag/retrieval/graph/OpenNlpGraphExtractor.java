package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphExtractor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic {@link GraphExtractor}, on Apache OpenNLP's stock English models
 * ({@link NlpPipeline}). An entity is a run of proper nouns (Penn {@code NNP}, {@code NNPS}), or of
 * CamelCase or letter-and-digit words, inside one noun phrase, a name particle ("van", "von", "de")
 * allowed between two of them and a title ("Dr.") dropped; a single word that is the last word of
 * exactly one longer person's name in the same document is that person ("Curie"). A relation is
 * what a clause states: the noun phrase before a verb phrase (and those joined to it by "and"), the
 * verb phrase less its auxiliaries and adverbs, the preposition after it when there is one, and the
 * noun phrase after that ("Marie Curie was born in Warsaw": {@code born_in}); other pairs of
 * entities of one sentence are {@code related_to}. Types are voted ({@link EntityTypes}) by names and
 * by what the document states about them.
 */
public final class OpenNlpGraphExtractor implements GraphExtractor {

    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le");
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
            "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "'s");
    private static final int MAX_RELATION_WORDS = 4;
    private static final int MAX_RELATIONS_PER_SENTENCE = 10;

    private final NlpPipeline pipeline = new NlpPipeline();

    /** An entity's words in a sentence: its token range and whether a title stood before it. */
    private record Name(List<String> words, int start, int end, boolean titled) {

        String text() {
            return String.join(" ", words);
        }
    }

    private record Stated(Name subject, String relation, Name object) {
    }

    /** An entity, by the id of the name as written, mentioned in a chunk; before surnames are merged. */
    private record Mentioned(String entityId, String chunkId) {
    }

    @Override
    public String name() {
        return "nlp";
    }

    @Override
    public Extraction extract(List<Chunk> chunks) {
        Map<String, EntityTypes> types = new HashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Mentioned> mentioned = new ArrayList<>();
        List<Relation> unmerged = new ArrayList<>();
        Map<Chunk, List<NlpPipeline.Tagged>> tagged = new LinkedHashMap<>();
        chunks.forEach(chunk -> tagged.put(chunk, pipeline.tag(chunk.text())));
        Set<String> nameWords = nameWords(tagged.values());
        for (Chunk chunk : chunks) {
            for (NlpPipeline.Tagged sentence : tagged.get(chunk)) {
                List<NlpPipeline.Tagged.Phrase> phrases = sentence.phrases();
                Map<Integer, List<Name>> namesByPhrase = new HashMap<>();
                List<Name> inSentence = new ArrayList<>();
                for (int p = 0; p < phrases.size(); p++) {
                    List<Name> found = names(sentence, phrases.get(p), nameWords);
                    namesByPhrase.put(p, found);
                    inSentence.addAll(found);
                }
                for (Name name : inSentence) {
                    String id = Entity.idOf(name.text());
                    names.putIfAbsent(id, name.text());
                    EntityTypes votes = types.computeIfAbsent(id, key -> new EntityTypes());
                    votes.fromName(name.words());
                    if (name.titled()) {
                        votes.titled();
                    }
                    mentioned.add(new Mentioned(id, chunk.id()));
                }
                List<Stated> stated = statements(sentence, phrases, namesByPhrase);
                Set<Set<String>> related = new LinkedHashSet<>();
                for (Stated statement : stated) {
                    String subject = Entity.idOf(statement.subject().text());
                    String object = Entity.idOf(statement.object().text());
                    if (!subject.equals(object) && related.add(Set.of(subject, object))) {
                        types.get(subject).subjectOf(statement.relation(), statement.subject().words().size());
                        types.get(object).objectOf(statement.relation(), statement.object().words().size());
                        unmerged.add(new Relation(subject, object, statement.relation(), chunk.id(), sentence.text()));
                    }
                }
                coOccurrences(inSentence, related, chunk.id(), sentence.text(), unmerged);
            }
        }
        Map<String, String> aliases = aliases(names, types);
        Map<String, Entity> entities = new HashMap<>();
        names.forEach((id, name) -> entities.put(id, new Entity(id, name, types.get(id).decide())));
        Map<String, Set<String>> mentionedIn = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        for (Mentioned mention : mentioned) {
            String id = aliases.getOrDefault(mention.entityId(), mention.entityId());
            if (mentionedIn.computeIfAbsent(mention.chunkId(), chunk -> new LinkedHashSet<>()).add(id)) {
                mentions.add(new Mention(entities.get(id), mention.chunkId()));
            }
        }
        Set<Relation> relations = new LinkedHashSet<>();
        for (Relation relation : unmerged) {
            String source = aliases.getOrDefault(relation.sourceId(), relation.sourceId());
            String target = aliases.getOrDefault(relation.targetId(), relation.targetId());
            if (!source.equals(target)) {
                relations.add(new Relation(source, target, relation.type(), relation.chunkId(), relation.sentence()));
            }
        }
        return new Extraction(mentions, List.copyOf(relations));
    }

    /**
     * The words the document uses as proper nouns past the start of a sentence: such a word is a name
     * word wherever it stands, even where the tagger, at the start of a sentence, took it for a common noun.
     */
    private static Set<String> nameWords(Iterable<List<NlpPipeline.Tagged>> document) {
        Set<String> words = new HashSet<>();
        for (List<NlpPipeline.Tagged> sentences : document) {
            for (NlpPipeline.Tagged sentence : sentences) {
                for (int i = 1; i < sentence.tokens().length; i++) {
                    if (isProperNoun(sentence, i)) {
                        words.add(sentence.tokens()[i]);
                    }
                }
            }
        }
        return words;
    }

    /** The names in one phrase: runs of proper nouns (with particles between them), less a leading title or function word. */
    private static List<Name> names(NlpPipeline.Tagged sentence, NlpPipeline.Tagged.Phrase phrase, Set<String> nameWords) {
        List<Name> found = new ArrayList<>();
        if (!phrase.type().equals("NP")) {
            return found;
        }
        int i = phrase.start();
        while (i < phrase.end()) {
            if (!isNameWord(sentence, i, nameWords)) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < phrase.end() && (isNameWord(sentence, end, nameWords)
                    || PARTICLES.contains(sentence.tokens()[end]) && end + 1 < phrase.end() && isNameWord(sentence, end + 1, nameWords))) {
                end++;
            }
            boolean titled = false;
            List<String> words = new ArrayList<>(List.of(sentence.tokens()).subList(start, end));
            while (!words.isEmpty() && (EntityTypes.TITLES.contains(bare(words.get(0))) || EntityExtractor.isFunctionWord(words.get(0)))) {
                titled |= EntityTypes.TITLES.contains(bare(words.remove(0)));
            }
            if (!words.isEmpty() && !(words.size() == 1 && EntityTypes.isLegalForm(words.get(0)))) {
                found.add(new Name(words, start, end, titled));
            }
            i = end;
        }
        return found;
    }

    private static boolean isProperNoun(NlpPipeline.Tagged sentence, int i) {
        String tag = sentence.tags()[i];
        return (tag.equals("NNP") || tag.equals("NNPS")) && Character.isUpperCase(sentence.tokens()[i].codePointAt(0));
    }

    private static boolean isNameWord(NlpPipeline.Tagged sentence, int i, Set<String> nameWords) {
        String token = sentence.tokens()[i];
        if (!Character.isLetterOrDigit(token.codePointAt(0))) {
            return false;
        }
        boolean properNoun = isProperNoun(sentence, i) || nameWords.contains(token) && sentence.tags()[i].startsWith("NN");
        boolean identifier = token.codePoints().skip(1).anyMatch(Character::isUpperCase) && token.codePoints().anyMatch(Character::isLowerCase)
                || token.codePoints().anyMatch(Character::isDigit) && token.codePoints().anyMatch(Character::isLetter);
        return properNoun || identifier;
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "");
    }

    /** Subject noun phrase(s), verb phrase, optional preposition, object noun phrase(s): one statement per subject and object. */
    private static List<Stated> statements(NlpPipeline.Tagged sentence, List<NlpPipeline.Tagged.Phrase> phrases,
                                           Map<Integer, List<Name>> namesByPhrase) {
        List<Stated> stated = new ArrayList<>();
        for (int v = 1; v < phrases.size(); v++) {
            if (!phrases.get(v).type().equals("VP")) {
                continue;
            }
            List<Name> subjects = joined(phrases, namesByPhrase, v - 1, -1, sentence);
            List<String> verb = verbWords(sentence, phrases.get(v));
            if (subjects.isEmpty() || verb.isEmpty()) {
                continue;
            }
            int next = v + 1;
            List<String> said = new ArrayList<>(verb);
            if (next < phrases.size() && phrases.get(next).type().equals("NP") && namesByPhrase.get(next).isEmpty()
                    && next + 2 < phrases.size() && phrases.get(next + 1).type().equals("PP")) {
                if (isCopula(verb)) {
                    said = List.of(head(sentence, phrases.get(next)), preposition(sentence, phrases.get(next + 1)));
                }
                next += 2;
            } else if (next + 1 < phrases.size() && phrases.get(next).type().equals("PP")) {
                said.add(preposition(sentence, phrases.get(next)));
                next++;
            }
            List<Name> objects = joined(phrases, namesByPhrase, next, +1, sentence).stream()
                    .filter(object -> isHead(sentence, phrases, object))
                    .toList();
            if (objects.isEmpty() || isCopula(said)) {
                continue;
            }
            String relation = RelationStatements.canonical(String.join(" ", said));
            for (Name subject : subjects) {
                for (Name object : objects) {
                    stated.add(new Stated(subject, relation, object));
                }
            }
        }
        return stated;
    }

    /** The names of the noun phrase at {@code at} and of the noun phrases joined to it by "and", "or" or commas, walking {@code step}. */
    private static List<Name> joined(List<NlpPipeline.Tagged.Phrase> phrases, Map<Integer, List<Name>> namesByPhrase, int at, int step,
                                     NlpPipeline.Tagged sentence) {
        List<Name> names = new ArrayList<>();
        int p = at;
        while (p >= 0 && p < phrases.size() && phrases.get(p).type().equals("NP") && !namesByPhrase.get(p).isEmpty()) {
            List<Name> inPhrase = new ArrayList<>(namesByPhrase.get(p));
            if (step < 0) {
                Collections.reverse(inPhrase);
            }
            names.addAll(inPhrase);
            int between = p + step;
            if (between < 0 || between >= phrases.size() || !phrases.get(between).type().equals("O")
                    || !Set.of("and", "or", ",").contains(sentence.tokens()[phrases.get(between).start()])) {
                break;
            }
            p = between + step;
        }
        return names;
    }

    private static boolean isCopula(List<String> words) {
        return words.size() == 1 && AUXILIARIES.contains(words.get(0));
    }

    private static String head(NlpPipeline.Tagged sentence, NlpPipeline.Tagged.Phrase nounPhrase) {
        return sentence.tokens()[nounPhrase.end() - 1].toLowerCase(Locale.ROOT);
    }

    private static String preposition(NlpPipeline.Tagged sentence, NlpPipeline.Tagged.Phrase prepositionalPhrase) {
        return sentence.tokens()[prepositionalPhrase.start()].toLowerCase(Locale.ROOT);
    }

    /** Whether the name ends its noun phrase: "Y" in "X uses Y", not in "X is a Y toolkit", where it only qualifies the noun. */
    private static boolean isHead(NlpPipeline.Tagged sentence, List<NlpPipeline.Tagged.Phrase> phrases, Name name) {
        return phrases.stream().anyMatch(phrase -> phrase.start() <= name.start() && name.end() == phrase.end())
                || name.end() < sentence.tokens().length && !sentence.tags()[name.end()].startsWith("NN");
    }

    /**
     * The verb phrase's words less auxiliaries, adverbs and particles "to", lower-case, from after its
     * last "and" or "or" ("compiled and used": used); empty when nothing, or too much, is left.
     */
    private static List<String> verbWords(NlpPipeline.Tagged sentence, NlpPipeline.Tagged.Phrase phrase) {
        List<String> words = new ArrayList<>();
        for (int i = phrase.start(); i < phrase.end(); i++) {
            String word = sentence.tokens()[i].toLowerCase(Locale.ROOT);
            String tag = sentence.tags()[i];
            if (tag.equals("CC")) {
                words.clear();
                continue;
            }
            if (!tag.startsWith("RB") && !tag.equals("TO") && !tag.equals("MD") && (!AUXILIARIES.contains(word) || i == phrase.end() - 1)) {
                words.add(word);
            }
        }
        return words.size() > MAX_RELATION_WORDS || !words.stream().allMatch(word -> word.matches("[\\p{L}-]+")) ? List.of() : words;
    }

    /** Every other pair of entities of a sentence is related_to, at most {@value #MAX_RELATIONS_PER_SENTENCE} pairs. */
    private static void coOccurrences(List<Name> inSentence, Set<Set<String>> related, String chunkId, String sentence, List<Relation> found) {
        List<String> ids = inSentence.stream().map(name -> Entity.idOf(name.text())).distinct().toList();
        for (int i = 0; i < ids.size() && related.size() < MAX_RELATIONS_PER_SENTENCE; i++) {
            for (int j = i + 1; j < ids.size() && related.size() < MAX_RELATIONS_PER_SENTENCE; j++) {
                if (related.add(Set.of(ids.get(i), ids.get(j)))) {
                    found.add(new Relation(ids.get(i), ids.get(j), "related_to", chunkId, sentence));
                }
            }
        }
    }

    /** One-word names that are the last word of exactly one longer person's name of the document, to that person. */
    private static Map<String, String> aliases(Map<String, String> names, Map<String, EntityTypes> types) {
        Map<String, List<String>> byLastWord = new HashMap<>();
        names.forEach((id, name) -> {
            String[] words = name.split(" ");
            if (words.length > 1 && types.get(id).decide().equals("person")) {
                byLastWord.computeIfAbsent(words[words.length - 1].toLowerCase(Locale.ROOT), word -> new ArrayList<>()).add(id);
            }
        });
        Map<String, String> aliases = new HashMap<>();
        names.forEach((id, name) -> {
            List<String> people = byLastWord.get(name.toLowerCase(Locale.ROOT));
            if (!name.contains(" ") && people != null && people.size() == 1) {
                aliases.put(id, people.get(0));
            }
        });
        return aliases;
    }
}
