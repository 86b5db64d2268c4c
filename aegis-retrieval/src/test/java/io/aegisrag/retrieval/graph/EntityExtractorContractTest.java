package io.aegisrag.retrieval.graph;

import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphExtractorContract;

/** The rule-based extractor ({@code aegis.extraction.provider=rules}) against the port's contract. */
class EntityExtractorContractTest extends GraphExtractorContract {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor();

    @Override
    protected GraphExtractor createExtractor() {
        return EXTRACTOR;
    }
}
