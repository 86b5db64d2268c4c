package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.port.DocumentParser;
import io.aegisrag.core.port.DocumentParserContract;

/** The Tika parser against the port's contract. */
class TikaDocumentParserContractTest extends DocumentParserContract {

    @Override
    protected DocumentParser createParser() {
        return new TikaDocumentParser(100_000);
    }
}
