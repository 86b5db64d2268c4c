package io.aegisrag.retrieval.rerank;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.Reranker;
import io.aegisrag.core.port.RerankerContract;
import io.aegisrag.core.query.Context;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cross-encoder adapter against WireMock replaying the documented rerank APIs: Cohere's shape as
 * vLLM serves it at /v1/rerank (and Infinity at /rerank), Text Embeddings Inference's /rerank and
 * vLLM's /score, and their failures.
 */
class HttpRerankerTest extends RerankerContract {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final DocumentId DOC = DocumentId.random();
    private static final String QUESTION = "How do I write JSON with sorted keys?";
    private static final List<Context> CANDIDATES = List.of(
            new Context(new Chunk("json#0", DOC, "json", "json.html", "Basic usage", "json.dumps(obj) serializes obj.", 0), 0.9, Map.of()),
            new Context(new Chunk("json#1", DOC, "json", "json.html", "dumps", "If sort_keys is true, dictionaries are sorted by key.", 1),
                    0.5, Map.of()));

    private HttpReranker reranker(String path, HttpReranker.Api api, Duration timeout) {
        return new HttpReranker(URI.create(server.baseUrl() + path), api, "BAAI/bge-reranker-v2-m3", Optional.of("rerank-secret"), timeout);
    }

    private HttpReranker reranker(String path, HttpReranker.Api api) {
        return reranker(path, api, Duration.ofSeconds(2));
    }

    /** For the contract: a server that ranks the answering passage first. */
    @Override
    protected Reranker createReranker() {
        server.stubFor(post("/v1/rerank").willReturn(okJson("""
                {"results":[{"index":%d,"relevance_score":0.91},{"index":0,"relevance_score":0.12},{"index":2,"relevance_score":0.03}]}"""
                .formatted(ANSWER))));
        return reranker("/v1/rerank", HttpReranker.Api.COHERE);
    }

    @Test
    void should_ask_the_cohere_shaped_api_of_vllm_and_read_results_in_any_order() {
        server.stubFor(post("/v1/rerank").willReturn(okJson("""
                {"id":"rerank-1","model":"BAAI/bge-reranker-v2-m3","usage":{"total_tokens":57},
                 "results":[{"index":1,"document":{"text":"..."},"relevance_score":0.97},{"index":0,"document":{"text":"..."},"relevance_score":0.02}]}""")));

        double[] scores = reranker("/v1/rerank", HttpReranker.Api.COHERE).scores(QUESTION, CANDIDATES);

        assertThat(scores).containsExactly(0.02, 0.97);
        server.verify(postRequestedFor(urlEqualTo("/v1/rerank"))
                .withHeader("Authorization", equalTo("Bearer rerank-secret"))
                .withRequestBody(equalToJson("""
                        {"model":"BAAI/bge-reranker-v2-m3","query":"How do I write JSON with sorted keys?","top_n":2,
                         "documents":["json > Basic usage\\njson.dumps(obj) serializes obj.",
                                      "json > dumps\\nIf sort_keys is true, dictionaries are sorted by key."]}""")));
    }

    @Test
    void should_ask_text_embeddings_inference_with_texts_and_read_its_bare_list() {
        server.stubFor(post("/rerank").willReturn(okJson("[{\"index\":1,\"score\":4.25},{\"index\":0,\"score\":-3.5}]")));

        double[] scores = reranker("/rerank", HttpReranker.Api.TEI).scores(QUESTION, CANDIDATES);

        assertThat(scores).containsExactly(-3.5, 4.25);
        server.verify(postRequestedFor(urlEqualTo("/rerank")).withRequestBody(equalToJson("""
                {"query":"How do I write JSON with sorted keys?","truncate":true,
                 "texts":["json > Basic usage\\njson.dumps(obj) serializes obj.","json > dumps\\nIf sort_keys is true, dictionaries are sorted by key."]}""")));
    }

    @Test
    void should_ask_the_score_api_of_vllm_with_text_1_and_text_2() {
        server.stubFor(post("/score").willReturn(okJson("""
                {"id":"score-1","object":"list","created":1733000000,"model":"BAAI/bge-reranker-v2-m3",
                 "data":[{"index":0,"object":"score","score":0.1},{"index":1,"object":"score","score":0.8}],"usage":{"prompt_tokens":40}}""")));

        double[] scores = reranker("/score", HttpReranker.Api.SCORE).scores(QUESTION, CANDIDATES);

        assertThat(scores).containsExactly(0.1, 0.8);
        server.verify(postRequestedFor(urlEqualTo("/score")).withRequestBody(equalToJson("""
                {"model":"BAAI/bge-reranker-v2-m3","text_1":"How do I write JSON with sorted keys?",
                 "text_2":["json > Basic usage\\njson.dumps(obj) serializes obj.","json > dumps\\nIf sort_keys is true, dictionaries are sorted by key."]}""")));
    }

    @Test
    void should_report_an_error_status_with_the_servers_words() {
        server.stubFor(post("/v1/rerank").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"error\",\"message\":\"The model `bge` does not exist.\",\"type\":\"NotFoundError\",\"code\":404}")));

        assertThatThrownBy(() -> reranker("/v1/rerank", HttpReranker.Api.COHERE).scores(QUESTION, CANDIDATES))
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.LLM_ERROR))
                .hasMessageContaining("answered 404").hasMessageContaining("does not exist");
    }

    @Test
    void should_refuse_a_reply_that_does_not_score_every_candidate() {
        server.stubFor(post("/v1/rerank").willReturn(okJson("{\"results\":[{\"index\":1,\"relevance_score\":0.9}]}")));
        server.stubFor(post("/rerank").willReturn(okJson("{\"error\":\"Input validation error\"}")));
        server.stubFor(post("/score").willReturn(aResponse().withBody("<html>proxy error</html>")));

        assertThatThrownBy(() -> reranker("/v1/rerank", HttpReranker.Api.COHERE).scores(QUESTION, CANDIDATES))
                .isInstanceOf(AegisException.class).hasMessageContaining("not every candidate");
        assertThatThrownBy(() -> reranker("/rerank", HttpReranker.Api.TEI).scores(QUESTION, CANDIDATES))
                .isInstanceOf(AegisException.class).hasMessageContaining("no list of results");
        assertThatThrownBy(() -> reranker("/score", HttpReranker.Api.SCORE).scores(QUESTION, CANDIDATES))
                .isInstanceOf(AegisException.class).hasMessageContaining("not JSON");
    }

    @Test
    void should_time_out_on_a_slow_reranker() {
        server.stubFor(post("/v1/rerank").willReturn(okJson("{\"results\":[]}").withFixedDelay(1500)));

        assertThatThrownBy(() -> reranker("/v1/rerank", HttpReranker.Api.COHERE, Duration.ofMillis(300)).scores(QUESTION, CANDIDATES))
                .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.TIMEOUT))
                .hasMessageContaining("within 300 ms");
    }

    @Test
    void should_leave_the_fused_order_and_count_the_fallback_when_the_reranker_is_down() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IsolatedMetrics isolated = new IsolatedMetrics();
        Reranking reranking = new Reranking(new HttpReranker(URI.create("http://127.0.0.1:" + closedPort + "/v1/rerank"),
                HttpReranker.Api.COHERE, "m", Optional.empty(), Duration.ofSeconds(1)), 40, isolated.metrics());
        isolated.metrics().registerReranker("http");
        PrometheusScrape before = isolated.scrape();

        List<Context> kept = reranking.rerank(QUESTION, CANDIDATES, 2);

        assertThat(kept).extracting(context -> context.chunk().id()).containsExactly("json#0", "json#1");
        PrometheusScrape after = isolated.scrape();
        assertThat(after.increaseSince(before, "aegis_rerank_fallbacks_total", Map.of("reranker", "http"))).isEqualTo(1);
        assertThat(after.increaseSince(before, "aegis_errors_total", Map.of("error_type", "llm_error"))).isEqualTo(1);
    }

    @Test
    void should_name_the_apis_it_speaks() {
        assertThat(HttpReranker.Api.named(" TEI ")).isEqualTo(HttpReranker.Api.TEI);
        assertThatThrownBy(() -> HttpReranker.Api.named("openai")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aegis.rerank.api must be one of [cohere, tei, score]");
    }
}
