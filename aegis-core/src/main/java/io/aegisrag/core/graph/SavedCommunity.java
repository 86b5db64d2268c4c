package io.aegisrag.core.graph;

import java.util.List;

/**
 * A community of the entity graph as the graph store keeps it: its id, the ids of its members, its
 * summary and who wrote it ({@code extractive} or {@code llm}).
 */
public record SavedCommunity(String id, List<String> memberIds, String summary, String summarizedBy) {

    public SavedCommunity {
        memberIds = List.copyOf(memberIds);
    }
}
