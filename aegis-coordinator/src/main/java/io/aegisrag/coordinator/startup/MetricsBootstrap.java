package io.aegisrag.coordinator.startup;

import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.BackingService;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.metrics.MetricName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.List;

/** At start-up, registers the model-labelled series and binds every gauge to the store it measures. */
@ApplicationScoped
public class MetricsBootstrap {

    private final AegisMetrics metrics;
    private final ChatModelRouter models;
    private final EmbeddingModel embeddings;
    private final VectorStore vectors;
    private final GraphStore graph;
    private final TemporalMemory memory;
    private final ShortTermMemory conversation;

    @Inject
    public MetricsBootstrap(AegisMetrics metrics, ChatModelRouter models, EmbeddingModel embeddings, VectorStore vectors,
                            GraphStore graph, TemporalMemory memory, ShortTermMemory conversation) {
        this.metrics = metrics;
        this.models = models;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.graph = graph;
        this.memory = memory;
        this.conversation = conversation;
    }

    protected MetricsBootstrap() {
        this(null, null, null, null, null, null, null);
    }

    void onStart(@Observes Startup startup) {
        metrics.registerModel(models.active().provider(), models.active().model());
        metrics.bindStoreSize(MetricName.VECTOR_POINTS, vectors.serviceName(), vectors::chunkCount);
        metrics.bindStoreSize(MetricName.GRAPH_ENTITIES, graph.serviceName(), graph::entityCount);
        metrics.bindStoreSize(MetricName.GRAPH_RELATIONS, graph.serviceName(), graph::relationCount);
        for (FactType type : FactType.values()) {
            metrics.updateMemoryFacts(type, () -> memory.count(type));
        }
        for (BackingService service : List.of(vectors, graph, memory, conversation, embeddings, models.active())) {
            metrics.bindServiceProbe(service);
        }
    }
}
