package io.aegisrag.core.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one chunk, or a whole document, mentions and states; each relation once. */
public record Extraction(List<Mention> mentions, List<Relation> relations) {

    public Extraction {
        mentions = List.copyOf(mentions);
        relations = List.copyOf(relations);
    }

    /** The entities mentioned, each once, in order of first mention. */
    public Set<Entity> entities() {
        Set<Entity> entities = new LinkedHashSet<>();
        mentions.forEach(mention -> entities.add(mention.entity()));
        return entities;
    }
}
