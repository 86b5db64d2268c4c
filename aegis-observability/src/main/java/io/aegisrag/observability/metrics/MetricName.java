package io.aegisrag.observability.metrics;

import java.util.List;

/**
 * Every metric AegisRAG exports: the contract that alert rules and dashboards read (docs/operations.md, Metrics).
 *
 * <p>{@link #registeredName()} is what is given to the MetricRegistry; {@link #exportedName()} is
 * what Prometheus sees on Open Liberty (mpMetrics-5.1 appends {@code _total} to counters; timers are
 * named with their {@code _seconds} unit already).
 */
public enum MetricName {
    QUERIES("aegis_queries", Type.COUNTER, "Queries answered, by detected intent and model", "intent", "model"),
    QUERY_LATENCY("aegis_query_latency_seconds", Type.TIMER, "Latency of each query stage", "stage"),
    CACHE_HITS("aegis_cache_hits", Type.COUNTER, "Cache lookups that found an entry", "cache_type"),
    CACHE_MISSES("aegis_cache_misses", Type.COUNTER, "Cache lookups that found nothing", "cache_type"),
    MEMORY_FACTS("aegis_memory_facts_count", Type.GAUGE, "Facts held by temporal memory", "fact_type"),
    ERRORS("aegis_errors", Type.COUNTER, "Failures, counted once each, by type", "error_type"),
    LLM_REQUESTS("aegis_llm_requests", Type.COUNTER, "Chat model calls by outcome", "provider", "model", "status"),
    LLM_TOKENS("aegis_llm_tokens", Type.COUNTER, "Tokens read and written by chat models", "provider", "model", "direction"),
    LLM_LATENCY("aegis_llm_latency_seconds", Type.TIMER, "Latency of chat model calls", "provider"),
    LLM_TIME_TO_FIRST_TOKEN("aegis_llm_time_to_first_token_seconds", Type.TIMER, "From a chat model call to its first token of text", "provider"),
    LLM_FALLBACKS("aegis_llm_fallbacks", Type.COUNTER, "Chat model calls handed to the next provider of the chain, and why", "from", "to", "reason"),
    /**
     * A gauge under a counter's name: MicroProfile counters count whole units only, so the money spent
     * since the process started is exported as a gauge that only grows, which rate() and increase() read as a counter.
     */
    LLM_COST("aegis_llm_cost_usd_total", Type.GAUGE, "Money spent on chat model calls since the service started, in USD", "provider"),
    LLM_MONTHLY_SPEND("aegis_llm_monthly_spend_usd", Type.GAUGE, "Month-to-date spend", "provider"),
    LLM_MONTHLY_BUDGET("aegis_llm_monthly_budget_usd", Type.GAUGE, "Monthly budget, 0 when unlimited", "provider"),
    VECTOR_POINTS("aegis_vector_points_count", Type.GAUGE, "Chunks held by the vector store", "store"),
    GRAPH_ENTITIES("aegis_graph_entities_count", Type.GAUGE, "Entities held by the graph store", "store"),
    GRAPH_RELATIONS("aegis_graph_relations_count", Type.GAUGE, "Relations held by the graph store", "store"),
    SERVICE_UP("aegis_service_up", Type.GAUGE, "1 when the backing service answers its probe", "service"),
    RERANK_FALLBACKS("aegis_rerank_fallbacks", Type.COUNTER, "Queries whose reranker failed, so the fused order stood", "reranker"),
    INGESTION_DOCUMENTS("aegis_ingestion_documents", Type.COUNTER, "Documents and files ingested, skipped as already held, or failed", "status"),
    INGESTION_CHUNKS("aegis_ingestion_chunks", Type.COUNTER, "Chunks indexed by ingestion"),
    INGESTION_STAGE("aegis_ingestion_stage_seconds", Type.TIMER, "Time one document spent in each stage of ingestion", "stage"),
    INGESTION_JOBS("aegis_ingestion_jobs", Type.GAUGE, "Bulk ingestion jobs by state", "state"),
    API_REQUESTS("aegis_api_requests", Type.COUNTER, "Calls of the HTTP APIs, by protocol (rest, openai, ollama, mcp) and status class (2xx, 4xx, 5xx)",
            "protocol", "status");

    /** How a metric is registered, and the {@code # TYPE} Prometheus shows for it. */
    public enum Type {
        COUNTER("counter"), TIMER("histogram"), GAUGE("gauge");

        private final String prometheusType;

        Type(String prometheusType) {
            this.prometheusType = prometheusType;
        }

        public String prometheusType() {
            return prometheusType;
        }
    }

    private final String registeredName;
    private final Type type;
    private final String description;
    private final List<String> labels;

    MetricName(String registeredName, Type type, String description, String... labels) {
        this.registeredName = registeredName;
        this.type = type;
        this.description = description;
        this.labels = List.of(labels);
    }

    public String registeredName() {
        return registeredName;
    }

    /** The name Prometheus sees; a timer's series are this name plus {@code _bucket}, {@code _count}, {@code _sum}. */
    public String exportedName() {
        return type == Type.COUNTER ? registeredName + "_total" : registeredName;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    public List<String> labels() {
        return labels;
    }
}
