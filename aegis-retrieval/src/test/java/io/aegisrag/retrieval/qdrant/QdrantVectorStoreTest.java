package io.aegisrag.retrieval.qdrant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.VectorStore;
import io.aegisrag.core.port.VectorStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Qdrant adapter passes the vector store contract against WireMock replaying Qdrant's REST API
 * ({@link QdrantEmulator}), and fails clearly when Qdrant errs, is slow or is down.
 */
class QdrantVectorStoreTest extends VectorStoreContract {

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    @RegisterExtension
    static WireMockExtension qdrant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new QdrantEmulator())).build();

    private String collection;

    @BeforeEach
    void replayQdrant() {
        qdrant.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(QdrantEmulator.NAME)));
    }

    @Override
    protected VectorStore createStore() {
        collection = "aegis_test_" + COLLECTIONS.incrementAndGet();
        return store(collection, "minilm", DIMENSION, false, Duration.ofSeconds(2));
    }

    private static QdrantVectorStore store(String collection, String model, int dimension, boolean reindex, Duration timeout) {
        return new QdrantVectorStore(URI.create(qdrant.baseUrl()), Optional.of("it-qdrant-key"), collection, model, dimension, timeout, reindex);
    }

    @Test
    void should_create_a_collection_of_dense_and_idf_weighted_sparse_vectors_and_write_with_wait() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows through ten countries.", 1, 0, 0)));

        qdrant.verify(putRequestedFor(urlPathEqualTo("/collections/" + collection))
                .withHeader("api-key", equalTo("it-qdrant-key"))
                .withRequestBody(matchingJsonPath("$.vectors.dense.size", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.vectors.dense.distance", equalTo("Cosine")))
                .withRequestBody(matchingJsonPath("$.sparse_vectors.bm25.modifier", equalTo("idf"))));
        qdrant.verify(putRequestedFor(urlPathEqualTo("/collections/" + collection + "/points"))
                .withQueryParam("wait", equalTo("true"))
                .withRequestBody(matchingJsonPath("$.points[0].vector.bm25.indices[0]")));
    }

    @Test
    void should_search_keywords_with_a_sparse_query_vector_in_qdrant() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "Call timingSafeEqual to compare buffers.", 1, 0, 0)));

        assertThat(store().searchByKeywords("timing safe", 3)).hasSize(1);
        qdrant.verify(postRequestedFor(urlPathEqualTo("/collections/" + collection + "/points/query"))
                .withRequestBody(matchingJsonPath("$.using", equalTo("bm25")))
                .withRequestBody(matchingJsonPath("$.query.indices[0]")));
    }

    @Test
    void should_treat_quotes_backslashes_and_query_syntax_as_plain_words() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "title:(x) AND \"quoted\" \\ back {\"json\": true}", 1, 0, 0)));

        assertThat(store().searchByKeywords("title:(x) AND \"quoted\" \\ } DETACH DELETE n", 3)).hasSize(1);
        assertThat(store().find(rivers.id())).contains(rivers);
    }

    @Test
    void should_leave_nothing_visible_when_a_write_fails_half_way() {
        Document rivers = document("rivers", Instant.parse("2026-01-01T00:00:00Z"));
        store().add(rivers, List.of(chunk(rivers, 0, "The Danube flows east.", 1, 0, 0)));
        qdrant.stubFor(post(urlPathEqualTo("/collections/" + collection + "/points/payload")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"status\":{\"error\":\"Service internal error: disk full\"},\"time\":0.1}")));
        Document broken = document("broken", Instant.parse("2026-02-01T00:00:00Z"));

        assertThatThrownBy(() -> store().add(broken, List.of(chunk(broken, 0, "Mont Blanc towers.", 0, 1, 0))))
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR))
                .hasMessageContaining("HTTP 500").hasMessageContaining("disk full");

        qdrant.resetMappings();
        replayQdrant();
        assertThat(store().chunkCount()).isEqualTo(1);
        assertThat(store().searchByKeywords("Mont Blanc", 3)).isEmpty();
        assertThat(store().chunksOf(broken.id())).isEmpty();
        assertThat(store().list(0, 10).total()).isEqualTo(1);
    }

    @Test
    void should_report_qdrant_errors_and_slowness_by_their_type() {
        store().chunkCount();
        qdrant.stubFor(post(urlPathEqualTo("/collections/" + collection + "/points/query")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":{\"error\":\"Service unavailable: shard not ready\"}}")));
        assertThatThrownBy(() -> store().searchByVector(new float[]{1, 0, 0}, 3))
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR))
                .hasMessageContaining("shard not ready");

        QdrantVectorStore slow = store(collection, "minilm", DIMENSION, false, Duration.ofMillis(300));
        slow.chunkCount();
        qdrant.stubFor(post(urlPathEqualTo("/collections/" + collection + "/points/count")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(2_000).withBody("{\"result\":{\"count\":0},\"status\":\"ok\"}")));
        assertThatThrownBy(slow::chunkCount)
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.TIMEOUT));
    }

    @Test
    void should_be_down_when_qdrant_refuses_the_key_or_cannot_be_reached() throws Exception {
        qdrant.stubFor(get(urlPathEqualTo("/collections/" + collection + "/exists")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody("{\"status\":{\"error\":\"Invalid api-key\"}}")));
        assertThat(store().isAvailable()).isFalse();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        QdrantVectorStore down = new QdrantVectorStore(URI.create("http://127.0.0.1:" + closedPort), Optional.empty(), "aegis",
                "minilm", DIMENSION, Duration.ofMillis(500), false);
        assertThatThrownBy(down::isAvailable).isInstanceOf(AegisException.class).hasMessageContaining("could not be reached");
        assertThatThrownBy(() -> down.searchByKeywords("Danube", 3))
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
        assertThat(down.needsReindex()).isFalse();
    }

    @Test
    void should_refuse_a_collection_of_another_model_unless_reindexing() {
        store().chunkCount();

        assertThatThrownBy(() -> store(collection, "bge-small", DIMENSION, false, Duration.ofSeconds(2)).chunkCount())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("minilm").hasMessageContaining("aegis.index.reindex");
        assertThatThrownBy(() -> store(collection, "minilm", 4, false, Duration.ofSeconds(2)).chunkCount())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("4-d");

        QdrantVectorStore reindexing = store(collection, "bge-small", DIMENSION, true, Duration.ofSeconds(2));
        assertThat(reindexing.needsReindex()).isTrue();
        reindexing.markReindexed();
        assertThat(reindexing.needsReindex()).isFalse();
        assertThat(store(collection, "bge-small", DIMENSION, false, Duration.ofSeconds(2)).needsReindex()).isFalse();
    }

    @Test
    void should_name_bm25_terms_as_qdrant_does() {
        assertThat(SparseBm25.termIndex("hello")).isEqualTo(613_153_351L);
        assertThat(SparseBm25.termIndex("foo")).isEqualTo(156_908_512L);
    }
}
