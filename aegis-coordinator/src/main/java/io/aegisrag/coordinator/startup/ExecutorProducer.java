package io.aegisrag.coordinator.startup;

import io.aegisrag.retrieval.search.RetrievalExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.concurrent.ExecutorService;

/** Runs the retrievers on Liberty's default managed executor. */
@ApplicationScoped
public class ExecutorProducer {

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Produces
    @RetrievalExecutor
    ExecutorService retrievalExecutor() {
        return executor;
    }
}
