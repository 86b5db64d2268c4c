package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.observability.interceptor.TrackedStage;
import io.aegisrag.retrieval.graph.Communities;
import io.aegisrag.retrieval.graph.CommunityDetection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LightRAG's global graph mode: the communities of the entity graph whose summary, keywords and
 * members' names share the question's words (each word weighted by how few communities hold it), the best
 * {@value #COMMUNITIES} of them; then the chunks that mention the most of their members, ranked by
 * the weight of their community times how many of its members each mentions. Communities are
 * computed once per change of the graph, so a question costs no round trip to the graph store. Answers a broad question ("what are
 * the main themes …") from the parts of the graph it is about, where no single entity is named.
 */
@ApplicationScoped
public class GlobalGraphRetriever implements ChunkRetriever {

    static final int COMMUNITIES = 3;

    /** A community and how much the question's words weigh in it (never a map key: its hash walks every chunk it holds). */
    private record Relevant(Communities.Community community, double weight) {
    }

    private final Communities communities;
    private final VectorStore store;
    private volatile CommunityTerms terms = CommunityTerms.of(List.of());

    @Inject
    public GlobalGraphRetriever(Communities communities, VectorStore store) {
        this.communities = communities;
        this.store = store;
    }

    protected GlobalGraphRetriever() {
        this(null, null);
    }

    @Override
    public Retriever kind() {
        return Retriever.GRAPH_GLOBAL;
    }

    @Override
    @TrackedStage("graph_global")
    public List<ChunkHit> retrieve(Question question, int limit) {
        Set<String> asked = CommunityDetection.keywordsOf(question.text());
        List<Communities.Community> all = communities.all();
        if (asked.isEmpty() || all.isEmpty()) {
            return List.of();
        }
        CommunityTerms index = termsOf(all);
        double[] weights = new double[all.size()];
        for (String word : asked) {
            int[] holding = index.holders(word);
            for (int position : holding) {
                weights[position] += Math.log(1 + (double) all.size() / holding.length);
            }
        }
        List<Relevant> relevant = new ArrayList<>();
        for (int position = 0; position < weights.length; position++) {
            if (weights[position] > 0) {
                relevant.add(new Relevant(all.get(position), weights[position]));
            }
        }
        Map<String, Double> scores = new HashMap<>();
        relevant.stream()
                .sorted(Comparator.comparingDouble(Relevant::weight).reversed().thenComparing(r -> r.community().id()))
                .limit(COMMUNITIES)
                .forEach(r -> r.community().chunks().forEach((chunk, members) -> scores.merge(chunk, r.weight() * members, Double::sum)));
        List<String> best = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Chunk> chunks = new HashMap<>();
        store.chunks(best).forEach(chunk -> chunks.put(chunk.id(), chunk));
        return best.stream().filter(chunks::containsKey).map(id -> new ChunkHit(chunks.get(id), scores.get(id))).toList();
    }

    private CommunityTerms termsOf(List<Communities.Community> all) {
        CommunityTerms index = terms;
        if (!index.indexes(all)) {
            index = CommunityTerms.of(all);
            terms = index;
        }
        return index;
    }
}
