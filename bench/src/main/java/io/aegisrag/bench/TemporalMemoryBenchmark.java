package io.aegisrag.bench;

import io.aegisrag.coordinator.memory.EpisodeService;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.testing.MovableClock;
import io.aegisrag.memory.JournaledTemporalMemory;
import io.aegisrag.memory.Neo4jTemporalMemory;
import io.aegisrag.retrieval.embedding.CachingEmbeddingModel;
import io.aegisrag.retrieval.embedding.EmbeddingCache;
import io.aegisrag.retrieval.embedding.OnnxEmbeddingModel;
import io.aegisrag.retrieval.graph.RuleEpisodeReader;
import io.aegisrag.retrieval.search.FactSearch;
import io.aegisrag.retrieval.search.Question;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Temporal memory on a scripted world that changes over two years: people who change jobs and move,
 * episodes that restate what is already known, and changes that are told months after they happened.
 * The episodes go through the service's own path (the rules read them, {@link EpisodeService} records
 * them, each at the instant it was told); the questions, written from the script before any run, ask
 * where a person works or lives now, at an earlier date as known today, and at an earlier date as it
 * was known then, and are answered by the fact search ({@link FactSearch}) centred on the person: its
 * first fact of the asked relation is the answer. Reports accuracy per kind of question, the
 * duplicates memory holds (restated facts it kept twice), and the latency of recording and searching,
 * for the journaled store and for Neo4j (neo4j-harness, in this JVM).
 */
public final class TemporalMemoryBenchmark {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int MONTHS = 24;
    private static final int PEOPLE = 80;
    private static final int QUESTIONS_PER_KIND = 150;
    private static final String RESTATES = " is employed by ";
    private static final String[] FIRST = {"Adelind", "Borislav", "Cosima", "Dariusz", "Elowen", "Fintan", "Galina", "Hartwig", "Ilse", "Jorunn",
            "Kasimir", "Liesel", "Mirabel", "Nikodem", "Ottilie", "Perpetua", "Quirin", "Rosalind", "Severin", "Theodora"};
    private static final String[] LAST = {"Achterberg", "Brannigan", "Castellanos", "Drummond", "Eisenhardt", "Falkenrath", "Gallagher",
            "Hollingsworth", "Iversen", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakashima", "Oyelaran", "Pemberton"};
    private static final String[] COMPANIES = {"Arbalest Works", "Brightwater Labs", "Corvantis Systems", "Dunmore Optics", "Everholt Foundry",
            "Fairhaven Dynamics", "Greystone Analytics", "Halvorsen Marine", "Ironbridge Software", "Juniper Castings", "Kestrel Aerospace",
            "Larkspur Textiles", "Moravec Robotics", "Northgate Biologics", "Oakenshield Energy", "Pellucid Instruments"};
    private static final String[] CITIES = {"Aberdeen", "Bergen", "Coimbra", "Dresden", "Eindhoven", "Florence", "Gothenburg", "Hamburg",
            "Innsbruck", "Jyvaskyla", "Krakow", "Lausanne"};

    /** Who said what, when it became true, and when it was told. */
    record Episode(String person, String relation, String object, String sentence, Instant validFrom, Instant told) {
    }

    /** A question, its instants, and the object the script says memory should answer (null: nothing known). */
    record Asked(String kind, String person, String relation, Instant validAt, Instant knownAt, String expected) {
    }

    private TemporalMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(20261207);
        List<Episode> script = script(random);
        List<Asked> questions = questions(script, random);
        long restatements = script.stream().filter(e -> e.sentence().contains(RESTATES)).count();
        OnnxEmbeddingModel embeddings = new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.QUANTIZED);

        List<List<String>> rows = new ArrayList<>();
        for (boolean kept : new boolean[]{true, false, true, false}) {
            if (rows.size() == 4) {
                rows.clear();
            }
            String embedded = kept ? ", embeddings kept at write" : ", facts embedded at query";
            Path journal = Files.createTempDirectory("temporal-bench");
            try (JournaledTemporalMemory journaled = new JournaledTemporalMemory(journal.resolve("facts.jsonl"))) {
                rows.add(run("journaled (embedded)" + embedded, journaled, script, questions, embeddings, kept));
            }
            try (Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
                 Neo4jTemporalMemory graph = new Neo4jTemporalMemory(neo4j.boltURI().toString(), null, null, "neo4j", Duration.ofSeconds(60))) {
                rows.add(run("Neo4j 5.26" + embedded, graph, script, questions, embeddings, kept));
            }
        }

        new Report("Temporal memory: a scripted world over two years", "bench/run.sh temporal")
                .paragraph(PEOPLE + " people, " + COMPANIES.length + " companies, " + CITIES.length + " cities, " + MONTHS + " months: "
                        + script.size() + " episodes (one statement each) recorded through the rules reader and EpisodeService, each at"
                        + " the instant it was told; " + restatements + " of them restate what memory already holds (\"... is employed by"
                        + " ...\"), and " + script.stream().filter(e -> e.told().isAfter(e.validFrom())).count() + " are told 1 to 3"
                        + " months after the change they report. " + questions.size() + " questions, written from the script before any"
                        + " run (seed 20261207): where a person works or lives *now*; *as of* an earlier date, as known today; and"
                        + " *as known then*, at an earlier date as memory knew it on that date (a late-told change must not show)."
                        + " Each is answered by `GET /api/v1/memory/facts/search`'s ranking (FactSearch, centred on the person; *no centre*:"
                        + " the same questions as *now* with the centre left out, so the search finds the person from the question's"
                        + " words and names): its first fact of the asked relation is the answer. Before this version a restated"
                        + " statement was stored as a fact of its own; this run does not measure that baseline. Each store runs twice:"
                        + " with the embedding of each statement kept at write (EpisodeService embeds it, memory keeps it), and with"
                        + " none kept (as before, and as when the embedding model fails at write), the search then embedding the facts"
                        + " it meets; both searches go through a 10,000-entry embedding cache, as the service's do. The four runs are"
                        + " made twice in this JVM and the second time reported, so that neither variant pays for the JIT alone.")
                .table(List.of("store", "now", "now, no centre", "as of (known today)", "as known then", "duplicates left", "semantic facts held",
                                "record p50 ms", "record p95 ms", "search p50 ms", "search p95 ms"), rows)
                .paragraph("Duplicates left: believed, current facts that state the same subject, relation and object over an"
                        + " overlapping validity as another (goal 0). Where ours differs from Graphiti's evaluation (LongMemEval):"
                        + " the questions are answered from the fact search alone, without a language model reading the facts, and"
                        + " the episodes are single statements read by rules, so extraction errors a model would make are absent;"
                        + " the world has no renames.")
                .writeTo("temporal-memory.md");
    }

    private static List<String> run(String name, TemporalMemory memory, List<Episode> script, List<Asked> questions,
                                    OnnxEmbeddingModel model, boolean keepEmbeddings) {
        MovableClock clock = new MovableClock(START);
        EmbeddingModel embeddings = new CachingEmbeddingModel(model, new EmbeddingCache(10_000, 64L << 20), 32);
        Logger.getLogger(EpisodeService.class.getName()).setLevel(keepEmbeddings ? Level.INFO : Level.OFF);
        EpisodeService episodes = new EpisodeService(memory, new RuleEpisodeReader(), keepEmbeddings ? embeddings : FAILING, clock);
        long[] recording = new long[script.size()];
        List<Episode> told = script.stream().sorted(Comparator.comparing(Episode::told)).toList();
        for (int i = 0; i < told.size(); i++) {
            Episode episode = told.get(i);
            clock.set(episode.told());
            long start = System.nanoTime();
            episodes.record(MemoryScope.DEFAULT_GROUP, "bench-" + Math.floorMod(episode.person().hashCode(), 10), episode.sentence(), Optional.of(episode.validFrom()));
            recording[i] = System.nanoTime() - start;
        }
        FactSearch search = new FactSearch(memory, embeddings);
        Map<String, int[]> correct = new HashMap<>();
        long[] searching = new long[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            Asked asked = questions.get(i);
            String question = asked.relation().equals("works_at") ? "Where does " + asked.person() + " work?" : "Where does " + asked.person() + " live?";
            long start = System.nanoTime();
            Optional<String> center = asked.kind().endsWith("no centre") ? Optional.empty() : Optional.of(asked.person());
            List<FactSearch.Found> found = search.search(new Question(question, embeddings), center, asked.validAt(), asked.knownAt(), 5);
            searching[i] = System.nanoTime() - start;
            String subject = Entity.idOf(asked.person());
            String answer = found.stream().map(FactSearch.Found::fact)
                    .filter(fact -> fact.subject().equals(subject) && fact.edge().relation().equals(asked.relation()))
                    .map(fact -> fact.edge().object()).findFirst().orElse(null);
            String expected = asked.expected() == null ? null : Entity.idOf(asked.expected());
            int[] tally = correct.computeIfAbsent(asked.kind(), kind -> new int[2]);
            tally[0] += Objects.equals(answer, expected) ? 1 : 0;
            tally[1]++;
        }
        Instant end = START.plus(Duration.ofDays(31L * (MONTHS + 4)));
        List<Fact> current = memory.factsAt(MemoryScope.ALL, end, end, Optional.empty(), Optional.of(FactType.SEMANTIC), false);
        return List.of(name, share(correct.get("now")), share(correct.get("now, no centre")), share(correct.get("as of")),
                share(correct.get("as known then")),
                String.valueOf(duplicates(current)), String.valueOf(memory.count(FactType.SEMANTIC)),
                millis(recording, 0.5), millis(recording, 0.95), millis(searching, 0.5), millis(searching, 0.95));
    }

    /** An embedding model that fails, so that EpisodeService records facts without their embeddings. */
    private static final EmbeddingModel FAILING = new EmbeddingModel() {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new IllegalStateException("no embeddings at write in this run");
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public String serviceName() {
            return "none";
        }

        @Override
        public boolean isAvailable() {
            return false;
        }
    };

    /** Facts beyond the first that state the same subject, relation and object over overlapping validities. */
    private static long duplicates(List<Fact> facts) {
        long extra = 0;
        for (int i = 0; i < facts.size(); i++) {
            for (int j = i + 1; j < facts.size(); j++) {
                if (facts.get(i).isRestatedBy(facts.get(j))) {
                    extra++;
                    break;
                }
            }
        }
        return extra;
    }

    /** The world's history: each person's first job and city, then each month's changes and restatements. */
    static List<Episode> script(Random random) {
        List<Episode> script = new ArrayList<>();
        List<String> people = new ArrayList<>();
        while (people.size() < PEOPLE) {
            String person = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            if (!people.contains(person)) {
                people.add(person);
            }
        }
        for (String person : people) {
            String company = COMPANIES[random.nextInt(COMPANIES.length)];
            String city = CITIES[random.nextInt(CITIES.length)];
            script.add(new Episode(person, "works_at", company, person + " works at " + company + ".", START, START));
            script.add(new Episode(person, "lives_in", city, person + " lives in " + city + ".", START, START));
            for (int month = 1; month < MONTHS; month++) {
                Instant at = START.plus(Duration.ofDays(31L * month));
                Instant told = random.nextInt(5) == 0 ? at.plus(Duration.ofDays(31L * (1 + random.nextInt(3)))) : at;
                double event = random.nextDouble();
                if (event < 0.12) {
                    company = other(COMPANIES, company, random);
                    script.add(new Episode(person, "works_at", company, person + " joined " + company + ".", at, told));
                } else if (event < 0.20) {
                    city = other(CITIES, city, random);
                    script.add(new Episode(person, "lives_in", city, person + " moved to " + city + ".", at, told));
                } else if (event < 0.35) {
                    script.add(new Episode(person, "works_at", company, person + RESTATES + company + ".", at, at));
                }
            }
        }
        return script;
    }

    /** Questions of three kinds about random people, relations and months, answered from the script. */
    static List<Asked> questions(List<Episode> script, Random random) {
        List<String> people = script.stream().map(Episode::person).distinct().toList();
        Instant end = START.plus(Duration.ofDays(31L * (MONTHS + 4)));
        List<Asked> questions = new ArrayList<>();
        for (String kind : List.of("now", "now, no centre", "as of", "as known then")) {
            for (int i = 0; i < QUESTIONS_PER_KIND; i++) {
                String person = people.get(random.nextInt(people.size()));
                String relation = random.nextBoolean() ? "works_at" : "lives_in";
                Instant at = START.plus(Duration.ofDays(31L * random.nextInt(MONTHS)).plus(Duration.ofDays(15)));
                Instant validAt = kind.startsWith("now") ? end : at;
                Instant knownAt = kind.equals("as known then") ? at : end;
                questions.add(new Asked(kind, person, relation, validAt, knownAt, believed(script, person, relation, validAt, knownAt)));
            }
        }
        return questions;
    }

    /** What the script says was true at {@code validAt} as told by {@code knownAt}: the latest change by then, among those told. */
    private static String believed(List<Episode> script, String person, String relation, Instant validAt, Instant knownAt) {
        return script.stream()
                .filter(e -> e.person().equals(person) && e.relation().equals(relation) && !e.told().isAfter(knownAt) && !e.validFrom().isAfter(validAt))
                .max(Comparator.comparing(Episode::validFrom))
                .map(Episode::object).orElse(null);
    }

    private static String other(String[] names, String current, Random random) {
        String next = current;
        while (next.equals(current)) {
            next = names[random.nextInt(names.length)];
        }
        return next;
    }

    private static String share(int[] tally) {
        return tally[0] + "/" + tally[1] + " (" + Report.format(100.0 * tally[0] / tally[1]) + " %)";
    }

    private static String millis(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return Report.format(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6);
    }
}
