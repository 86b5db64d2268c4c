package io.aegisrag.retrieval.graph;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Votes for the type of an entity, from its name (a title before it, a last word such as "Labs" or
 * "University", CamelCase) and from what sentences say of it ("born in X": a place; "X is written in
 * Y": technology); the type with the most votes wins, concept when nothing voted.
 */
final class EntityTypes {

    /** The entity types, in the order that breaks a tie. */
    enum Type {
        PERSON, ORGANIZATION, PLACE, TECHNOLOGY, EVENT, PRODUCT, CONCEPT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int STRONG = 3;
    static final int MEDIUM = 2;
    static final int WEAK = 1;

    static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "prof", "professor", "sir", "dame", "president", "king", "queen",
            "senator", "captain", "general", "saint", "st");
    private static final Set<String> ORGANIZATION_WORDS = Set.of("inc", "corp", "corporation", "ltd", "llc", "gmbh", "co", "labs",
            "laboratories", "laboratory", "foundation", "university", "institute", "college", "company", "group", "agency",
            "association", "society", "council", "project", "team", "microsystems", "systems", "software", "technologies",
            "robotics", "bank", "commission", "committee", "consortium", "organization", "organisation", "department", "ministry",
            "navy", "army", "school", "academy", "press", "records", "studios", "networks");
    private static final Set<String> PLACE_WORDS = Set.of("city", "county", "river", "mountains", "mountain", "valley", "island",
            "islands", "republic", "kingdom", "state", "states", "province", "bay", "lake", "sea", "ocean", "street", "avenue");
    private static final Set<String> EVENT_WORDS = Set.of("war", "conference", "summit", "olympics", "festival", "revolution",
            "championship", "expo", "election", "games", "congress", "symposium");
    private static final Set<String> TECHNOLOGY_ACRONYMS = Set.of("api", "http", "https", "json", "xml", "sql", "rest", "tcp", "ip", "udp",
            "html", "css", "cpu", "gpu", "jvm", "url", "uri", "dns", "ssl", "tls", "ssh", "posix", "utf", "ascii", "pdf", "yaml", "csv",
            "gnu", "unix", "linux");
    private static final Map<String, Type> OBJECT_OF = Map.ofEntries(
            Map.entry("born_in", Type.PLACE), Map.entry("died_in", Type.PLACE), Map.entry("lives_in", Type.PLACE),
            Map.entry("located_in", Type.PLACE), Map.entry("located_near", Type.PLACE), Map.entry("studied_in", Type.PLACE),
            Map.entry("grew_up_in", Type.PLACE), Map.entry("headquartered_in", Type.PLACE), Map.entry("based_in", Type.PLACE),
            Map.entry("works_at", Type.ORGANIZATION), Map.entry("acquired", Type.ORGANIZATION), Map.entry("founded", Type.ORGANIZATION),
            Map.entry("written_in", Type.TECHNOLOGY), Map.entry("implemented_in", Type.TECHNOLOGY), Map.entry("built_on", Type.TECHNOLOGY),
            Map.entry("uses", Type.TECHNOLOGY), Map.entry("depends_on", Type.TECHNOLOGY), Map.entry("based_on", Type.TECHNOLOGY),
            Map.entry("created", Type.TECHNOLOGY), Map.entry("designed", Type.TECHNOLOGY), Map.entry("developed", Type.TECHNOLOGY),
            Map.entry("invented", Type.TECHNOLOGY), Map.entry("ported_to", Type.TECHNOLOGY), Map.entry("supports", Type.TECHNOLOGY));
    private static final Map<String, Type> SUBJECT_OF = Map.ofEntries(
            Map.entry("born_in", Type.PERSON), Map.entry("died_in", Type.PERSON), Map.entry("married", Type.PERSON),
            Map.entry("studied_in", Type.PERSON), Map.entry("studied", Type.PERSON), Map.entry("invented", Type.PERSON),
            Map.entry("wrote", Type.PERSON), Map.entry("founded", Type.PERSON), Map.entry("discovered", Type.PERSON),
            Map.entry("worked_with", Type.PERSON), Map.entry("works_at", Type.PERSON), Map.entry("lives_in", Type.PERSON),
            Map.entry("led", Type.PERSON), Map.entry("designed", Type.PERSON), Map.entry("created", Type.PERSON),
            Map.entry("acquired", Type.ORGANIZATION), Map.entry("written_in", Type.TECHNOLOGY), Map.entry("built_on", Type.TECHNOLOGY),
            Map.entry("depends_on", Type.TECHNOLOGY), Map.entry("uses", Type.TECHNOLOGY), Map.entry("written_by", Type.TECHNOLOGY),
            Map.entry("developed_by", Type.TECHNOLOGY), Map.entry("created_by", Type.TECHNOLOGY), Map.entry("designed_by", Type.TECHNOLOGY),
            Map.entry("maintained_by", Type.TECHNOLOGY), Map.entry("located_in", Type.PLACE), Map.entry("located_near", Type.PLACE));
    private static final Set<String> BY_A_PERSON = Set.of("written_by", "developed_by", "created_by", "designed_by", "maintained_by",
            "invented_by", "founded_by", "worked_with", "married");

    private final Map<Type, Integer> votes = new EnumMap<>(Type.class);

    private static final Set<String> LEGAL_FORMS = Set.of("inc", "corp", "ltd", "llc", "gmbh", "co", "plc", "ag", "sa");

    /** A legal form such as "Inc." that ends an organisation's name and is no name alone. */
    static boolean isLegalForm(String word) {
        return LEGAL_FORMS.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    /** Votes from the name's own words (without its title). */
    void fromName(List<String> words) {
        String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT).replace(".", "");
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (ORGANIZATION_WORDS.contains(last) || first.equals("university") || first.equals("institute")) {
            vote(Type.ORGANIZATION, STRONG);
        } else if (PLACE_WORDS.contains(last)) {
            vote(Type.PLACE, MEDIUM);
        } else if (EVENT_WORDS.contains(last)) {
            vote(Type.EVENT, MEDIUM);
        }
        String name = String.join(" ", words);
        if (words.size() == 1 && TECHNOLOGY_ACRONYMS.contains(last)) {
            vote(Type.TECHNOLOGY, MEDIUM);
        } else if (words.size() == 1 && name.length() >= 2 && name.length() <= 6 && name.chars().allMatch(Character::isUpperCase)) {
            vote(Type.ORGANIZATION, WEAK);
        } else if (name.chars().skip(1).anyMatch(Character::isUpperCase) && words.size() == 1
                || name.chars().anyMatch(Character::isDigit) || name.contains("+") || name.contains("#")) {
            vote(Type.TECHNOLOGY, MEDIUM);
        }
    }

    /** A title stood before the name: a person. */
    void titled() {
        vote(Type.PERSON, STRONG);
    }

    /** The entity is the subject of {@code relation}; a person verb counts more for a name of several words. */
    void subjectOf(String relation, int nameWords) {
        Type type = SUBJECT_OF.get(relation);
        if (type == Type.PERSON) {
            vote(type, nameWords > 1 ? MEDIUM : WEAK);
        } else if (type != null) {
            vote(type, MEDIUM);
        }
    }

    /** The entity is the object of {@code relation}. */
    void objectOf(String relation, int nameWords) {
        if (BY_A_PERSON.contains(relation) && nameWords > 1) {
            vote(Type.PERSON, MEDIUM);
        }
        Type type = OBJECT_OF.get(relation);
        if (type != null) {
            vote(type, MEDIUM);
        }
    }

    void vote(Type type, int weight) {
        votes.merge(type, weight, Integer::sum);
    }

    /** The type with the most votes, the earlier type on a tie; concept when nothing voted. */
    String decide() {
        Type best = Type.CONCEPT;
        int most = 0;
        for (Map.Entry<Type, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > most) {
                best = vote.getKey();
                most = vote.getValue();
            }
        }
        return best.label();
    }
}
