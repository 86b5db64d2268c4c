package io.aegisrag.core.port;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.graph.Extraction;

import java.util.List;

/**
 * Reads the knowledge graph out of a document's chunks: the entities each chunk mentions (typed
 * person, organization, place, product, technology, concept or event) and the named, directed
 * relations its sentences state, each with the chunk it was found in.
 */
public interface GraphExtractor {

    /** The mentions and relations of {@code chunks}, which belong to one document. */
    Extraction extract(List<Chunk> chunks);

    /** Who reads: {@code nlp}, {@code rules}, {@code llm}; reported with the document. */
    String name();
}
