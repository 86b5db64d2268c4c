package io.aegisrag.llm;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;

import java.util.Map;

/** Contexts for tests of the LLM module. */
final class ExtractiveContexts {

    private ExtractiveContexts() {
    }

    static Context context(String text) {
        DocumentId id = DocumentId.random();
        return new Context(new Chunk(Chunk.idOf(id, 0), id, "t", "s", "", text, 0), 0.1, Map.of(Retriever.VECTOR, new Context.RetrieverRank(1, 0.9)));
    }
}
