package io.aegisrag.core.config;

/** MicroProfile Config keys; every one has a default in the WAR's microprofile-config.properties. */
public final class ConfigKeys {

    public static final String DATA_DIR = "aegis.data.dir";
    public static final String EMBEDDING_PROVIDER = "aegis.embedding.provider";
    public static final String EMBEDDING_CACHE_SIZE = "aegis.embedding.cache.size";
    public static final String EMBEDDING_CACHE_MAX_BYTES = "aegis.embedding.cache.max-bytes";
    public static final String SHORT_TERM_MAX_BYTES = "aegis.memory.short-term.max-bytes";
    public static final String EMBEDDING_BATCH_SIZE = "aegis.embedding.batch.size";
    public static final String VECTOR_PROVIDER = "aegis.vector.provider";
    public static final String HNSW_CANDIDATES = "aegis.vector.hnsw.candidates";
    public static final String INDEX_REINDEX = "aegis.index.reindex";
    public static final String GRAPH_PROVIDER = "aegis.graph.provider";
    public static final String MEMORY_PROVIDER = "aegis.memory.provider";
    public static final String LLM_PROVIDER = "aegis.llm.provider";
    public static final String CHUNK_SIZE = "aegis.chunking.size";
    public static final String CHUNK_OVERLAP = "aegis.chunking.overlap";
    public static final String CHUNK_WINDOW = "aegis.chunking.window";
    public static final String RETRIEVAL_CANDIDATES = "aegis.retrieval.candidates";
    public static final String RETRIEVAL_TIMEOUT_MS = "aegis.retrieval.timeout.ms";
    public static final String RETRIEVAL_THREADS = "aegis.retrieval.threads";
    public static final String MAX_BODY_BYTES = "aegis.api.max-body-bytes";
    public static final String AUTH_MODE = "aegis.auth.mode";
    public static final String AUTH_API_KEYS = "aegis.auth.api-keys";
    public static final String RATE_LIMIT_PER_MINUTE = "aegis.api.rate-limit.per-minute";

    private ConfigKeys() {
    }
}
