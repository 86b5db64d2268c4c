package io.aegisrag.retrieval.search;

import io.aegisrag.retrieval.graph.Communities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which communities of one computation hold each term, by their position in its list: built once
 * for each list {@link Communities#all} gives, so a question looks its words up instead of scanning
 * every community's terms.
 */
final class CommunityTerms {

    private static final int[] NONE = {};

    private final List<Communities.Community> communities;
    private final Map<String, int[]> holders;

    private CommunityTerms(List<Communities.Community> communities, Map<String, int[]> holders) {
        this.communities = communities;
        this.holders = holders;
    }

    static CommunityTerms of(List<Communities.Community> communities) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < communities.size(); i++) {
            for (String term : communities.get(i).terms()) {
                positions.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> holders = new HashMap<>();
        positions.forEach((term, list) -> holders.put(term, list.stream().mapToInt(Integer::intValue).toArray()));
        return new CommunityTerms(communities, holders);
    }

    /** Whether this is the index of {@code list}, the very list (a new computation gives a new one). */
    boolean indexes(List<Communities.Community> list) {
        return communities == list;
    }

    /** The positions of the communities that hold {@code term}, in order. */
    int[] holders(String term) {
        return holders.getOrDefault(term, NONE);
    }
}
