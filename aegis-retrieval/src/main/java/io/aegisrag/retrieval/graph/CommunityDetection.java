package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Finds the communities of the entity graph: label propagation (JGraphT, seeded, so the same graph
 * gives the same communities) over the relations, communities of two entities or more, largest
 * first, each with its extractive summary, keywords, defining chunks and the terms a question is
 * matched against. Reads the graph and the chunks; keeps nothing.
 */
public final class CommunityDetection {

    private static final long SEED = 42;
    private static final int MAX_ITERATIONS = 100;
    private static final int NAMES_IN_SUMMARY = 5;
    private static final int KEYWORDS = 20;
    private static final int CHUNKS_FOR_KEYWORDS = 20;
    static final int DEFINING_CHUNKS = 50;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "what", "which", "who", "how", "are", "was", "were",
            "does", "did", "this", "that", "these", "those", "about", "from", "into", "their", "there", "have", "has", "main", "all",
            "any", "its", "they", "them", "our", "your", "can", "you", "why", "when", "where", "not", "but", "than", "then", "also",
            "will", "would", "should", "could", "been", "being", "one", "two", "more", "most", "some", "such", "only", "other", "each");

    private final GraphStore graph;
    private final VectorStore store;

    CommunityDetection(GraphStore graph, VectorStore store) {
        this.graph = graph;
        this.store = store;
    }

    /** The communities of the graph as it is now, largest first. */
    List<Communities.Community> detect() {
        Graph<String, DefaultEdge> entityGraph = new SimpleGraph<>(DefaultEdge.class);
        for (Relation relation : graph.relations()) {
            if (!relation.sourceId().equals(relation.targetId())) {
                entityGraph.addVertex(relation.sourceId());
                entityGraph.addVertex(relation.targetId());
                entityGraph.addEdge(relation.sourceId(), relation.targetId());
            }
        }
        List<Communities.Community> communities = new ArrayList<>();
        for (Set<String> cluster : new LabelPropagationClustering<>(entityGraph, MAX_ITERATIONS, new Random(SEED)).getClustering()) {
            if (cluster.size() >= 2) {
                community(cluster).ifPresent(communities::add);
            }
        }
        communities.sort(Comparator.comparing((Communities.Community community) -> -community.members().size())
                .thenComparing(community -> -community.mentions()).thenComparing(Communities.Community::id));
        return List.copyOf(communities);
    }

    private Optional<Communities.Community> community(Set<String> cluster) {
        Map<Entity, Integer> mentions = new HashMap<>();
        Map<String, Integer> membersByChunk = new HashMap<>();
        Map<String, Set<String>> chunksOf = graph.chunksMentioningEach(cluster);
        graph.entities(cluster).forEach((id, entity) -> {
            Set<String> chunks = chunksOf.getOrDefault(id, Set.of());
            mentions.put(entity, chunks.size());
            chunks.forEach(chunk -> membersByChunk.merge(chunk, 1, Integer::sum));
        });
        if (mentions.size() < 2) {
            return Optional.empty();
        }
        List<Entity> members = mentions.keySet().stream()
                .sorted(Comparator.comparing((Entity entity) -> -mentions.get(entity)).thenComparing(Entity::id)).toList();
        String names = String.join(", ", members.stream().limit(NAMES_IN_SUMMARY).map(Entity::name).toList())
                + (members.size() > NAMES_IN_SUMMARY ? " and " + (members.size() - NAMES_IN_SUMMARY) + " more" : "");
        String summary = membersByChunk.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .flatMap(best -> store.chunks(List.of(best.getKey())).stream().findFirst())
                .map(chunk -> names + ": " + sentenceNamingMost(chunk, members))
                .orElse(names);
        Map<String, Integer> defining = new LinkedHashMap<>();
        membersByChunk.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(DEFINING_CHUNKS)
                .forEach(entry -> defining.put(entry.getKey(), entry.getValue()));
        List<String> keywords = keywords(membersByChunk);
        return Optional.of(new Communities.Community(members.get(0).id(), members, mentions.values().stream().mapToInt(Integer::intValue).sum(), summary,
                Communities.EXTRACTED, keywords, Collections.unmodifiableMap(defining), terms(keywords, summary, members)));
    }

    /** What a question is matched against: the keywords, the summary's keywords and the members' names. */
    static Set<String> terms(List<String> keywords, String summary, List<Entity> members) {
        Set<String> terms = new HashSet<>(keywords);
        terms.addAll(keywordsOf(summary));
        members.forEach(member -> terms.addAll(keywordsOf(member.name())));
        return Set.copyOf(terms);
    }

    /** The words most frequent in the chunks (at most {@value #CHUNKS_FOR_KEYWORDS}) that mention two members or more. */
    private List<String> keywords(Map<String, Integer> membersByChunk) {
        List<String> defining = membersByChunk.entrySet().stream().filter(entry -> entry.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(CHUNKS_FOR_KEYWORDS).map(Map.Entry::getKey).toList();
        Map<String, Integer> frequencies = new HashMap<>();
        store.chunks(defining).forEach(chunk -> {
            for (String word : chunk.withHeader().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (isKeyword(word)) {
                    frequencies.merge(word, 1, Integer::sum);
                }
            }
        });
        return frequencies.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(KEYWORDS).map(Map.Entry::getKey).toList();
    }

    /** The distinct lower-case words of {@code text} of three letters or more that are not common function or question words. */
    public static Set<String> keywordsOf(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (isKeyword(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean isKeyword(String lowerCaseWord) {
        return lowerCaseWord.length() >= 3 && !STOP_WORDS.contains(lowerCaseWord);
    }

    /** The first of the chunk's sentences (headings left out) that names the most of {@code members}. */
    private static String sentenceNamingMost(Chunk chunk, List<Entity> members) {
        String prose = String.join("\n", chunk.text().lines().filter(line -> !line.strip().startsWith("#")).toList());
        String best = "";
        long bestCount = -1;
        for (String sentence : Sentences.of(prose)) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            long count = members.stream().filter(member -> lower.contains(member.name().toLowerCase(Locale.ROOT))).count();
            if (count > bestCount) {
                best = sentence;
                bestCount = count;
            }
        }
        return best.isEmpty() || best.endsWith(".") ? best : best + ".";
    }
}
