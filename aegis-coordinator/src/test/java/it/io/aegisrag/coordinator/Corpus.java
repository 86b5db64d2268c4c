package it.io.aegisrag.coordinator;

import java.util.ArrayList;
import java.util.List;

/** Real documents the integration tests ingest, and clean up after. */
final class Corpus {

    static final String LIBERTY = """
            # Running on Open Liberty

            Open Liberty reads its configuration from server.xml. The featureManager element of server.xml lists the Liberty features the server loads, such as mpMetrics-5.1 and mpHealth-4.0.

            ## Ports

            The HTTP port defaults to 9080 and the HTTPS port to 9443. Both can be changed with server variables.

            ## Metrics

            The mpMetrics feature serves Prometheus text on the /metrics endpoint. Timers become histograms when buckets are configured.
            """;

    static final String LUCENE = """
            # Vector search in Apache Lucene

            Apache Lucene indexes dense vectors in HNSW graphs. HNSW stands for hierarchical navigable small world.

            ## Tuning

            The maxConn parameter sets how many neighbours each node of the HNSW graph keeps. The beamWidth parameter sets how many candidates are explored while the graph is built. Larger values improve recall and cost memory.

            ## Keyword search

            Lucene ranks keyword matches with BM25, which rewards rare terms and penalises long fields.
            """;

    static final String REDIS = """
            # Caching with Redis

            Redis keeps keys in memory and can expire them after a time to live. Lettuce is the Java client that talks to Redis.

            ## Eviction

            When memory is full, the allkeys-lru eviction policy removes the least recently used keys. The noeviction policy refuses writes instead.
            """;

    private static final List<String> INGESTED = new ArrayList<>();

    private Corpus() {
    }

    static synchronized String ingest(String title, String markdown) {
        String id = AegisClient.ingestMarkdown(title, markdown);
        INGESTED.add(id);
        return id;
    }

    static synchronized void deleteAll() {
        INGESTED.forEach(id -> AegisClient.delete("/api/v1/documents/" + id));
        INGESTED.clear();
    }
}
