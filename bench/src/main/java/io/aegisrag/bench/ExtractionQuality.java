package io.aegisrag.bench;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Extraction;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.retrieval.graph.EntityExtractor;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Precision and recall of the deterministic extractors (OpenNLP {@code nlp}, regular-expression
 * {@code rules}) on gold sets of sentences (bench/extraction/*.tsv): entities by normalised name
 * (and, where the gold set gives one, by type); named relations (not {@code related_to}) by subject
 * and object in the right direction, and by name too; and how many gold pairs any relation,
 * co-occurrence included, connects. One report per gold set, both extractors side by side.
 */
public final class ExtractionQuality {

    private record Gold(String sentence, Map<String, String> entities, Set<List<String>> relations) {
    }

    private record Counts(int entityHits, int entitiesFound, int entitiesWanted, int typed, int typeHits, int pairHits, int namedHits,
                          int relationsFound, int relationsWanted, int connected, List<List<String>> misses) {
    }

    private ExtractionQuality() {
    }

    public static void main(String[] args) throws IOException {
        report(Path.of("bench/extraction/gold.tsv"), "extraction.md",
                "hand-written sentences (people, places, organisations and software), written knowing the rules: a regression check");
        report(Path.of("bench/extraction/debian-docs.tsv"), "extraction-debian-docs.md",
                "real sentences from the documentation of Debian packages installed here (people, organisations, software;"
                        + " the file and package of each are in the gold set), annotated by hand before either extractor was run on them");
    }

    private static void report(Path goldFile, String resultFile, String description) throws IOException {
        List<Gold> gold = Files.readAllLines(goldFile).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(ExtractionQuality::gold).toList();
        List<GraphExtractor> extractors = List.of(new OpenNlpGraphExtractor(), new EntityExtractor());
        List<Counts> counts = extractors.stream().map(extractor -> measure(extractor, gold)).toList();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("entity precision", counts, c -> ratio(c.entityHits(), c.entitiesFound())));
        rows.add(row("entity recall", counts, c -> ratio(c.entityHits(), c.entitiesWanted())));
        rows.add(row("entity F1", counts, c -> f1(ratio(c.entityHits(), c.entitiesFound()), ratio(c.entityHits(), c.entitiesWanted()))));
        rows.add(row("entity type right (of the typed gold entities found; n/a: the set has no types)", counts,
                c -> c.typed() == 0 ? Double.NaN : ratio(c.typeHits(), c.typed())));
        rows.add(row("named relation precision (subject, object, direction)", counts, c -> ratio(c.pairHits(), c.relationsFound())));
        rows.add(row("named relation precision, name included", counts, c -> ratio(c.namedHits(), c.relationsFound())));
        rows.add(row("named relation recall (subject, object, direction)", counts, c -> ratio(c.pairHits(), c.relationsWanted())));
        rows.add(row("gold pairs connected by any relation (related_to included)", counts, c -> ratio(c.connected(), c.relationsWanted())));
        List<String> header = new ArrayList<>(List.of("measure"));
        extractors.forEach(extractor -> header.add(extractor.name()));
        Report report = new Report("Entity and relation extraction on a gold set: " + goldFile.getFileName(), "bench/run.sh extraction")
                .paragraph(gold.size() + " " + description + "; " + counts.get(0).entitiesWanted() + " entities, "
                        + counts.get(0).relationsWanted() + " stated relations. Entities match by normalised name; a named relation"
                        + " (anything but related_to) is right when its subject and object are a gold relation's, in its direction,"
                        + " and right by name too when its name is the gold one.")
                .table(header, rows);
        for (int i = 0; i < extractors.size(); i++) {
            report.paragraph("Sentence by sentence, " + extractors.get(i).name() + ":")
                    .table(List.of("sentence", "entities missed", "entities not in the gold set", "named relations found"), counts.get(i).misses());
        }
        report.writeTo(resultFile);
    }

    private static Counts measure(GraphExtractor extractor, List<Gold> gold) {
        int entityHits = 0;
        int entitiesFound = 0;
        int entitiesWanted = 0;
        int typed = 0;
        int typeHits = 0;
        int pairHits = 0;
        int namedHits = 0;
        int relationsFound = 0;
        int relationsWanted = 0;
        int connected = 0;
        List<List<String>> misses = new ArrayList<>();
        for (Gold sentence : gold) {
            DocumentId id = DocumentId.random();
            Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, "gold", "gold", "", sentence.sentence(), 0);
            Extraction extraction = extractor.extract(List.of(chunk));
            Map<String, String> types = new HashMap<>();
            extraction.entities().forEach(entity -> types.put(entity.id(), entity.type()));
            Set<String> hitEntities = new HashSet<>(types.keySet());
            hitEntities.retainAll(sentence.entities().keySet());
            entityHits += hitEntities.size();
            entitiesFound += types.size();
            entitiesWanted += sentence.entities().size();
            for (String hit : hitEntities) {
                if (!sentence.entities().get(hit).isEmpty()) {
                    typed++;
                    typeHits += sentence.entities().get(hit).equals(types.get(hit)) ? 1 : 0;
                }
            }
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
            Set<String> missed = new HashSet<>(sentence.entities().keySet());
            missed.removeAll(types.keySet());
            Set<String> extra = new HashSet<>(types.keySet());
            extra.removeAll(sentence.entities().keySet());
            String relations = named.stream().map(r -> r.sourceId() + " " + r.type() + " " + r.targetId()).collect(Collectors.joining("; "));
            misses.add(List.of(sentence.sentence(), String.join(", ", missed), String.join(", ", extra), relations));
        }
        return new Counts(entityHits, entitiesFound, entitiesWanted, typed, typeHits, pairHits, namedHits, relationsFound, relationsWanted,
                connected, misses);
    }

    private interface Measure {
        double of(Counts counts);
    }

    private static List<String> row(String name, List<Counts> counts, Measure measure) {
        List<String> row = new ArrayList<>(List.of(name));
        counts.forEach(c -> row.add(Double.isNaN(measure.of(c)) ? "n/a" : String.format(Locale.ROOT, "%.2f", measure.of(c))));
        return row;
    }

    /** A gold line: sentence, entities {@code Name} or {@code Name#type} separated by |, relations {@code subject>relation>object} separated by |. */
    private static Gold gold(String line) {
        String[] columns = line.split("\t", -1);
        Map<String, String> entities = new HashMap<>();
        Arrays.stream(columns[1].split("\\|")).filter(name -> !name.isBlank()).forEach(entity -> {
            String[] parts = entity.split("#", 2);
            entities.put(Entity.idOf(parts[0]), parts.length > 1 ? parts[1] : "");
        });
        Set<List<String>> relations = Arrays.stream(columns[2].split("\\|")).filter(relation -> !relation.isBlank())
                .map(relation -> relation.split(">"))
                .map(parts -> List.of(Entity.idOf(parts[0]), parts[1].toLowerCase(Locale.ROOT), Entity.idOf(parts[2])))
                .collect(Collectors.toSet());
        return new Gold(columns[0], entities, relations);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
