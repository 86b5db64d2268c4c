package io.aegisrag.retrieval.graph;

import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.GraphStoreContract;

class InMemoryGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore createStore() {
        return new InMemoryGraphStore();
    }
}
