package io.aegisrag.memory;

import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.TemporalMemoryContract;

class InMemoryTemporalMemoryTest extends TemporalMemoryContract {

    @Override
    protected TemporalMemory createMemory() {
        return new InMemoryTemporalMemory();
    }
}
