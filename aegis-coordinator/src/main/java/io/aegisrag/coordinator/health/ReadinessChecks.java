package io.aegisrag.coordinator.health;

import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.ShortTermMemory;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.observability.health.ServiceHealthCheck;
import io.aegisrag.observability.health.ServiceProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** One readiness check per backing service, named after its port; liveness says the JVM serves requests. */
@ApplicationScoped
public class ReadinessChecks {

    @Produces
    @Readiness
    HealthCheck vectorStore(VectorStore store) {
        return new ServiceHealthCheck("vector_store", store);
    }

    @Produces
    @Readiness
    HealthCheck graphStore(GraphStore store) {
        return new ServiceHealthCheck("graph_store", store);
    }

    @Produces
    @Readiness
    HealthCheck temporalMemory(TemporalMemory memory) {
        return new ServiceHealthCheck("temporal_memory", memory);
    }

    @Produces
    @Readiness
    HealthCheck shortTermMemory(ShortTermMemory memory) {
        return new ServiceHealthCheck("short_term_memory", memory);
    }

    @Produces
    @Readiness
    HealthCheck embeddingModel(EmbeddingModel model) {
        return new ServiceHealthCheck("embedding_model", model);
    }

    /** Up while some provider of the fallback chain answers (the service can answer, if degraded); each provider's state in the data. */
    @Produces
    @Readiness
    HealthCheck chatModel(ChatModelRouter models) {
        return () -> {
            HealthCheckResponseBuilder check = HealthCheckResponse.named("chat_model");
            boolean anyUp = false;
            for (ChatModelRouter.Provider provider : models.providers()) {
                boolean up = ServiceProbe.isUp(provider);
                check.withData(provider.serviceName(), up ? "UP" : "DOWN");
                anyUp |= up;
            }
            return check.status(anyUp).build();
        };
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("aegis");
    }
}
