package io.aegisrag.retrieval;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.port.GraphStore;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.graph.Neo4jGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.qdrant.QdrantVectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Chooses the vector and graph stores named by {@code aegis.vector.provider} and {@code aegis.graph.provider}. */
@ApplicationScoped
public class StoreProducer {

    private static final Logger LOG = Logger.getLogger(StoreProducer.class.getName());

    @Produces
    @ApplicationScoped
    VectorStore vectorStore(@ConfigProperty(name = ConfigKeys.VECTOR_PROVIDER, defaultValue = "lucene") String provider,
                            @ConfigProperty(name = ConfigKeys.DATA_DIR, defaultValue = "aegis-data") String dataDir,
                            @ConfigProperty(name = ConfigKeys.HNSW_CANDIDATES, defaultValue = "100") int candidates,
                            @ConfigProperty(name = ConfigKeys.INDEX_REINDEX, defaultValue = "false") boolean reindex,
                            @ConfigProperty(name = ConfigKeys.CHUNK_CACHE_MAX_BYTES, defaultValue = "134217728") long chunkCacheBytes,
                            @ConfigProperty(name = ConfigKeys.INDEX_MERGE_IDLE, defaultValue = "PT30S") Duration mergeAfterIdle,
                            @ConfigProperty(name = ConfigKeys.INDEX_MERGE_SEGMENTS, defaultValue = "1") int mergedSegments,
                            @ConfigProperty(name = ConfigKeys.QDRANT_URL, defaultValue = "http://localhost:6333") URI qdrantUrl,
                            @ConfigProperty(name = ConfigKeys.QDRANT_API_KEY) Optional<String> qdrantApiKey,
                            @ConfigProperty(name = ConfigKeys.QDRANT_COLLECTION, defaultValue = "aegis_chunks") String qdrantCollection,
                            @ConfigProperty(name = ConfigKeys.QDRANT_TIMEOUT_MS, defaultValue = "5000") long qdrantTimeoutMillis,
                            EmbeddingModel embeddings) {
        return switch (provider) {
            case "lucene" -> new LuceneVectorStore(Path.of(dataDir, "lucene"), embeddings.serviceName(), embeddings.dimension(),
                    new LuceneVectorStore.Settings(candidates, reindex, chunkCacheBytes, mergeAfterIdle, mergedSegments));
            case "qdrant" -> new QdrantVectorStore(qdrantUrl, qdrantApiKey, qdrantCollection, embeddings.serviceName(), embeddings.dimension(),
                    Duration.ofMillis(qdrantTimeoutMillis), reindex);
            default -> throw new IllegalStateException(ConfigKeys.VECTOR_PROVIDER + " must be one of [lucene, qdrant], got '" + provider + "'");
        };
    }

    void closeVectorStore(@Disposes VectorStore store) {
        close(store, "vector");
    }

    @Produces
    @ApplicationScoped
    GraphStore graphStore(@ConfigProperty(name = ConfigKeys.GRAPH_PROVIDER, defaultValue = "embedded") String provider,
                          @ConfigProperty(name = ConfigKeys.NEO4J_URI, defaultValue = "bolt://localhost:7687") String uri,
                          @ConfigProperty(name = ConfigKeys.NEO4J_USER, defaultValue = "neo4j") String user,
                          @ConfigProperty(name = ConfigKeys.NEO4J_PASSWORD) Optional<String> password,
                          @ConfigProperty(name = ConfigKeys.NEO4J_DATABASE, defaultValue = "neo4j") String database,
                          @ConfigProperty(name = ConfigKeys.NEO4J_TIMEOUT_MS, defaultValue = "5000") long timeoutMillis,
                          EmbeddingModel embeddings) {
        return switch (provider) {
            case "embedded" -> new InMemoryGraphStore();
            case "neo4j" -> new Neo4jGraphStore(uri, user, password.orElse(null), database, Duration.ofMillis(timeoutMillis),
                    embeddings.dimension());
            default -> throw new IllegalStateException(ConfigKeys.GRAPH_PROVIDER + " must be one of [embedded, neo4j], got '" + provider + "'");
        };
    }

    void closeGraphStore(@Disposes GraphStore store) {
        close(store, "graph");
    }

    private static void close(Object store, String kind) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not close the " + kind + " store", e);
            }
        }
    }
}
