package io.aegisrag.retrieval.graph;

import io.aegisrag.core.port.GraphExtractor;
import io.aegisrag.core.port.GraphExtractorContract;

/** The default extractor, OpenNLP's English models, against the port's contract. */
class OpenNlpGraphExtractorContractTest extends GraphExtractorContract {

    private static final OpenNlpGraphExtractor EXTRACTOR = new OpenNlpGraphExtractor();

    @Override
    protected GraphExtractor createExtractor() {
        return EXTRACTOR;
    }
}
