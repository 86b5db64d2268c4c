package io.aegisrag.core.port;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;

import java.util.List;
import java.util.Set;

/** The knowledge graph: entities, the chunks that mention them and the relations between them. */
public interface GraphStore extends BackingService {

    /** Records what one document mentions; replaces whatever was recorded for it before. */
    void addDocument(DocumentId documentId, List<Mention> mentions, List<Relation> relations);

    /** Forgets the document's mentions and relations, and entities no other document mentions. */
    void removeDocument(DocumentId documentId);

    /** Entities whose name contains {@code text} (case-insensitive), most mentioned first. */
    List<Entity> findEntities(String text, int limit);

    /** Entities one relation away from {@code entityId}. */
    List<Entity> neighbors(String entityId, int limit);

    /** Ids of the chunks that mention any of {@code entityIds}; read-only, and may show later changes to the graph. */
    Set<String> chunksMentioning(Set<String> entityIds);

    long entityCount();

    long relationCount();
}
