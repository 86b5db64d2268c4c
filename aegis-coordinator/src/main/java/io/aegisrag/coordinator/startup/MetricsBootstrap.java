package io.aegisrag.coordinator.startup;

import io.aegisrag.core.memory.FactType;
import io.aegisrag.coordinator.ingest.IngestionStage;
import io.aegisrag.coordinator.ingest.IngestionStatus;
import io.aegisrag.coordinator.protocol.Protocol;
import io.aegisrag.core.port.BackingService;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.metrics.MetricName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At start-up, registers the series of each provider of the chat chain and binds every gauge to what
 * it measures; adapters of one service (Neo4j's graph and temporal memory) share one
 * {@code aegis_service_up} series, up while all of them answer.
 */
@ApplicationScoped
public class MetricsBootstrap {

    private final AegisMetrics metrics;
    private final ChatModelRouter models;
    private final SpendLedger ledger;
    private final EmbeddingModel embeddings;
    private final VectorStore vectors;
    private final GraphStore graph;
    private final TemporalMemory memory;
    private final ShortTermMemory conversation;

    @Inject
    public MetricsBootstrap(AegisMetrics metrics, ChatModelRouter models, SpendLedger ledger, EmbeddingModel embeddings, VectorStore vectors,
                            GraphStore graph, TemporalMemory memory, ShortTermMemory conversation) {
        this.metrics = metrics;
        this.models = models;
        this.ledger = ledger;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.graph = graph;
        this.memory = memory;
        this.conversation = conversation;
    }

    protected MetricsBootstrap() {
        this(null, null, null, null, null, null, null, null);
    }

    void onStart(@Observes Startup startup) {
        List<ChatModelRouter.Provider> chain = models.providers();
        List<String> reasons = Arrays.stream(LlmFailure.values()).map(LlmFailure::label).toList();
        for (int i = 0; i < chain.size(); i++) {
            String provider = chain.get(i).model().provider();
            metrics.registerModel(provider, chain.get(i).model().model());
            metrics.bindLlmBudget(provider, () -> ledger.monthToDate(provider), () -> ledger.budget(provider));
            if (i + 1 < chain.size()) {
                metrics.registerFallbacks(provider, chain.get(i + 1).model().provider(), reasons);
            }
        }
        metrics.registerApiProtocols(Protocol.labels());
        metrics.bindStoreSize(MetricName.VECTOR_POINTS, vectors.serviceName(), vectors::chunkCount);
        metrics.bindStoreSize(MetricName.GRAPH_ENTITIES, graph.serviceName(), graph::entityCount);
        metrics.bindStoreSize(MetricName.GRAPH_RELATIONS, graph.serviceName(), graph::relationCount);
        for (FactType type : FactType.values()) {
            metrics.updateMemoryFacts(type, () -> memory.count(type));
        }
        metrics.registerIngestion(Arrays.stream(IngestionStatus.values()).map(IngestionStatus::label).toList(),
                Arrays.stream(IngestionStage.values()).map(IngestionStage::label).toList());
        Map<String, List<BackingService>> byService = new LinkedHashMap<>();
        chain.forEach(provider -> byService.computeIfAbsent(provider.serviceName(), name -> new ArrayList<>()).add(provider));
        for (BackingService service : List.of(vectors, graph, memory, conversation, embeddings)) {
            byService.computeIfAbsent(service.serviceName(), name -> new ArrayList<>()).add(service);
        }
        byService.forEach(metrics::bindServiceProbes);
    }
}
