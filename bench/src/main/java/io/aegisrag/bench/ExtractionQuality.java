package io.aegisrag.bench;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.retrieval.graph.EntityExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Precision and recall of the rule-based extractor on a hand-written gold set of sentences
 * (bench/extraction/gold.tsv): entities by normalised name; named relations (not {@code related_to})
 * by subject and object in the right direction, and by name too; and how many gold pairs any
 * relation, co-occurrence included, connects.
 */
public final class ExtractionQuality {

    private record Gold(String sentence, Set<String> entities, Set<List<String>> relations) {
    }

    private ExtractionQuality() {
    }

    public static void main(String[] args) throws IOException {
        Path goldFile = Path.of(System.getProperty("extraction.gold", "bench/extraction/gold.tsv"));
        List<Gold> gold = Files.readAllLines(goldFile).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(ExtractionQuality::gold).toList();
        EntityExtractor extractor = new EntityExtractor();
        int entityHits = 0;
        int entitiesFound = 0;
        int entitiesWanted = 0;
        int pairHits = 0;
        int namedHits = 0;
        int relationsFound = 0;
        int relationsWanted = 0;
        int connected = 0;
        List<List<String>> misses = new ArrayList<>();
        for (Gold sentence : gold) {
            DocumentId id = DocumentId.random();
            Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "gold", "gold", "", sentence.sentence(), 0);
            EntityExtractor.Extraction extraction = extractor.extract(List.of(chunk));
            Set<String> entities = extraction.entities().stream().map(Entity::id).collect(Collectors.toSet());
            Set<String> hitEntities = new HashSet<>(entities);
            hitEntities.retainAll(sentence.entities());
            entityHits += hitEntities.size();
            entitiesFound += entities.size();
            entitiesWanted += sentence.entities().size();
            List<Relation> named = extraction.relations().stream().filter(relation -> !relation.type().equals("related_to")).toList();
            Set<List<String>> goldPairs = sentence.relations().stream().map(r -> List.of(r.get(0), r.get(2))).collect(Collectors.toSet());
            for (Relation relation : named) {
                if (goldPairs.contains(List.of(relation.sourceId(), relation.targetId()))) {
                    pairHits++;
                    if (sentence.relations().contains(List.of(relation.sourceId(), relation.type(), relation.targetId()))) {
                        namedHits++;
                    }
                }
            }
            relationsFound += named.size();
            relationsWanted += sentence.relations().size();
            Set<Set<String>> anyPairs = extraction.relations().stream().map(r -> Set.of(r.sourceId(), r.targetId())).collect(Collectors.toSet());
            connected += (int) goldPairs.stream().filter(pair -> anyPairs.contains(Set.copyOf(pair))).count();
            Set<String> missed = new HashSet<>(sentence.entities());
            missed.removeAll(entities);
            Set<String> extra = new HashSet<>(entities);
            extra.removeAll(sentence.entities());
            String relations = named.stream().map(r -> r.sourceId() + " " + r.type() + " " + r.targetId()).collect(Collectors.joining("; "));
            misses.add(List.of(sentence.sentence(), String.join(", ", missed), String.join(", ", extra), relations));
        }
        double entityPrecision = ratio(entityHits, entitiesFound);
        double entityRecall = ratio(entityHits, entitiesWanted);
        new Report("Entity and relation extraction on a gold set (rule-based extractor)", "bench/run.sh extraction")
                .paragraph(gold.size() + " hand-written sentences (" + goldFile + ": people, places, organisations and software, "
                        + entitiesWanted + " entities, " + relationsWanted + " stated relations). Entities match by normalised name; "
                        + "a named relation (anything but related_to) is right when its subject and object are a gold relation's, "
                        + "in its direction, and right by name too when its name is the gold one.")
                .table(List.of("measure", "value"), List.of(
                        List.of("entity precision", fmt(entityPrecision) + " (" + entityHits + "/" + entitiesFound + ")"),
                        List.of("entity recall", fmt(entityRecall) + " (" + entityHits + "/" + entitiesWanted + ")"),
                        List.of("entity F1", fmt(2 * entityPrecision * entityRecall / (entityPrecision + entityRecall))),
                        List.of("named relation precision (subject, object, direction)", fmt(ratio(pairHits, relationsFound)) + " (" + pairHits + "/" + relationsFound + ")"),
                        List.of("named relation precision, name included", fmt(ratio(namedHits, relationsFound)) + " (" + namedHits + "/" + relationsFound + ")"),
                        List.of("named relation recall (subject, object, direction)", fmt(ratio(pairHits, relationsWanted)) + " (" + pairHits + "/" + relationsWanted + ")"),
                        List.of("gold pairs connected by any relation (related_to included)", fmt(ratio(connected, relationsWanted)) + " (" + connected + "/" + relationsWanted + ")")))
                .table(List.of("sentence", "entities missed", "entities not in the gold set", "named relations found"), misses)
                .writeTo("extraction.md");
    }

    private static Gold gold(String line) {
        String[] columns = line.split("\t", -1);
        Set<String> entities = Arrays.stream(columns[1].split("\\|")).filter(name -> !name.isBlank()).map(Entity::idOf).collect(Collectors.toSet());
        Set<List<String>> relations = Arrays.stream(columns[2].split("\\|")).filter(relation -> !relation.isBlank())
                .map(relation -> relation.split(">"))
                .map(parts -> List.of(Entity.idOf(parts[0]), parts[1].toLowerCase(Locale.ROOT), Entity.idOf(parts[2])))
                .collect(Collectors.toSet());
        return new Gold(columns[0], entities, relations);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
