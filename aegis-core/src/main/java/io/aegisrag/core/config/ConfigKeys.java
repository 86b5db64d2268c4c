package io.aegisrag.core.config;

/**
 * MicroProfile Config keys. The WAR's microprofile-config.properties gives each its default, apart from
 * secrets and optional endpoints; docs/configuration.md documents every one (ConfigurationReferenceTest).
 */
public final class ConfigKeys {

    public static final String DATA_DIR = "aegis.data.dir";
    public static final String EMBEDDING_PROVIDER = "aegis.embedding.provider";
    public static final String EMBEDDING_CACHE_SIZE = "aegis.embedding.cache.size";
    public static final String EMBEDDING_CACHE_MAX_BYTES = "aegis.embedding.cache.max-bytes";
    public static final String SHORT_TERM_MAX_BYTES = "aegis.memory.short-term.max-bytes";
    public static final String SHORT_TERM_PROVIDER = "aegis.short-term.provider";
    public static final String SHORT_TERM_TTL = "aegis.memory.short-term.ttl";
    public static final String SHORT_TERM_MAX_TURNS = "aegis.memory.short-term.max-turns";
    public static final String RETENTION_MAX_AGE = "aegis.memory.retention.max-age";
    public static final String RETENTION_MAX_PER_SESSION = "aegis.memory.retention.max-per-session";
    public static final String RETENTION_INTERVAL = "aegis.memory.retention.interval";
    public static final String REDIS_URL = "aegis.redis.url";
    public static final String REDIS_TIMEOUT_MS = "aegis.redis.timeout.ms";
    public static final String EMBEDDING_BATCH_SIZE = "aegis.embedding.batch.size";
    public static final String VECTOR_PROVIDER = "aegis.vector.provider";
    public static final String HNSW_CANDIDATES = "aegis.vector.hnsw.candidates";
    public static final String CHUNK_CACHE_MAX_BYTES = "aegis.vector.chunk-cache.max-bytes";
    public static final String INDEX_REINDEX = "aegis.index.reindex";
    public static final String INDEX_MERGE_IDLE = "aegis.index.merge.idle";
    public static final String INDEX_MERGE_SEGMENTS = "aegis.index.merge.segments";
    public static final String QDRANT_URL = "aegis.qdrant.url";
    public static final String QDRANT_API_KEY = "aegis.qdrant.api-key";
    public static final String QDRANT_COLLECTION = "aegis.qdrant.collection";
    public static final String QDRANT_TIMEOUT_MS = "aegis.qdrant.timeout.ms";
    public static final String GRAPH_PROVIDER = "aegis.graph.provider";
    public static final String MEMORY_PROVIDER = "aegis.memory.provider";
    public static final String MEMORY_SHARED_GROUPS = "aegis.memory.shared-groups";
    public static final String EXTRACTION_PROVIDER = "aegis.extraction.provider";
    public static final String COMMUNITY_SUMMARY_PROVIDER = "aegis.graph.community-summary.provider";
    public static final String COMMUNITY_SUMMARY_MAX = "aegis.graph.community-summary.max";
    public static final String COMMUNITIES_MIN_INTERVAL = "aegis.graph.communities.min-interval";
    public static final String NEO4J_URI = "aegis.neo4j.uri";
    public static final String NEO4J_USER = "aegis.neo4j.user";
    public static final String NEO4J_PASSWORD = "aegis.neo4j.password";
    public static final String NEO4J_DATABASE = "aegis.neo4j.database";
    public static final String NEO4J_TIMEOUT_MS = "aegis.neo4j.timeout.ms";
    public static final String LLM_PROVIDER = "aegis.llm.provider";
    public static final String LLM_FALLBACK = "aegis.llm.fallback";
    public static final String LLM_CONTEXT_WINDOW = "aegis.llm.context-window";
    public static final String LLM_ANSWER_TOKENS = "aegis.llm.max-tokens";
    public static final String LLM_TEMPERATURE = "aegis.llm.temperature";
    public static final String LLM_CONNECT_TIMEOUT_MS = "aegis.llm.connect-timeout.ms";
    public static final String LLM_TIMEOUT_MS = "aegis.llm.timeout.ms";
    public static final String LLM_STALL_TIMEOUT_MS = "aegis.llm.stall-timeout.ms";
    public static final String LLM_RETRIES = "aegis.llm.retries";
    public static final String LLM_RETRY_MAX_DELAY_MS = "aegis.llm.retry.max-delay.ms";
    public static final String LLM_CIRCUIT_FAILURES = "aegis.llm.circuit.failures";
    public static final String LLM_CIRCUIT_OPEN_MS = "aegis.llm.circuit.open.ms";
    public static final String LLM_CACHE_SIZE = "aegis.llm.cache.size";
    public static final String LLM_PRICES = "aegis.llm.prices";
    public static final String LLM_BUDGETS = "aegis.llm.budgets";
    public static final String OLLAMA_URL = "aegis.ollama.url";
    public static final String OLLAMA_MODEL = "aegis.ollama.model";
    public static final String OLLAMA_EMBEDDING_MODEL = "aegis.ollama.embedding-model";
    public static final String OLLAMA_EMBEDDING_DIMENSION = "aegis.ollama.embedding-dimension";
    public static final String OPENAI_URL = "aegis.openai.url";
    public static final String OPENAI_MODEL = "aegis.openai.model";
    public static final String OPENAI_API_KEY = "aegis.openai.api-key";
    public static final String CHAT_HEARTBEAT_MS = "aegis.chat.heartbeat.ms";
    public static final String CHUNK_SIZE = "aegis.chunking.size";
    public static final String CHUNK_OVERLAP = "aegis.chunking.overlap";
    public static final String CHUNK_WINDOW = "aegis.chunking.window";
    public static final String RETRIEVAL_CANDIDATES = "aegis.retrieval.candidates";
    public static final String RETRIEVAL_FUSION = "aegis.retrieval.fusion";
    public static final String RETRIEVAL_TIMEOUT_MS = "aegis.retrieval.timeout.ms";
    public static final String RETRIEVAL_THREADS = "aegis.retrieval.threads";
    public static final String RETRIEVAL_RERANK = "aegis.retrieval.rerank";
    public static final String RETRIEVAL_RERANK_DEPTH = "aegis.retrieval.rerank.depth";
    public static final String RERANK_URL = "aegis.rerank.url";
    public static final String RERANK_API = "aegis.rerank.api";
    public static final String RERANK_MODEL = "aegis.rerank.model";
    public static final String RERANK_API_KEY = "aegis.rerank.api-key";
    public static final String RERANK_TIMEOUT_MS = "aegis.rerank.timeout.ms";
    public static final String MAX_BODY_BYTES = "aegis.api.max-body-bytes";
    public static final String MAX_UPLOAD_BYTES = "aegis.api.max-upload-bytes";
    public static final String INGESTION_MAX_TEXT_CHARS = "aegis.ingestion.max-text-chars";
    public static final String INGESTION_MAX_ARCHIVE_BYTES = "aegis.ingestion.max-archive-bytes";
    public static final String INGESTION_MAX_ARCHIVE_ENTRIES = "aegis.ingestion.max-archive-entries";
    public static final String INGESTION_CONCURRENCY = "aegis.ingestion.concurrency";
    public static final String AUTH_MODE = "aegis.auth.mode";
    public static final String AUTH_API_KEYS = "aegis.auth.api-keys";
    public static final String RATE_LIMIT_PER_MINUTE = "aegis.api.rate-limit.per-minute";

    private ConfigKeys() {
    }
}
