package io.aegisrag.retrieval.embedding;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.observability.testing.IsolatedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ollama embedding adapter against WireMock replaying /api/embed (always a list of lists) and /api/tags. */
class OllamaEmbeddingModelTest {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private OllamaEmbeddingModel model(int dimension) {
        return new OllamaEmbeddingModel(URI.create(ollama.baseUrl()), "bge-m3", dimension, Duration.ofSeconds(2));
    }

    @Test
    void should_embed_a_batch_in_one_request_in_input_order() {
        ollama.stubFor(post("/api/embed").willReturn(aResponse().withBody(
                "{\"model\":\"bge-m3\",\"embeddings\":[[0.6,0.8,0.0],[0.0,0.0,1.0]],\"total_duration\":1,\"prompt_eval_count\":4}")));

        List<float[]> vectors = model(3).embedAll(List.of("first", "second"));

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(0.6f, 0.8f, 0.0f);
        assertThat(vectors.get(1)).containsExactly(0.0f, 0.0f, 1.0f);
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("bge-m3")))
                .withRequestBody(matchingJsonPath("$.input[1]", equalTo("second"))));
        assertThat(model(3).serviceName()).isEqualTo("ollama:bge-m3");
    }

    @Test
    void should_refuse_vectors_of_another_dimension_than_configured() {
        ollama.stubFor(post("/api/embed").willReturn(aResponse().withBody("{\"embeddings\":[[0.6,0.8]]}")));

        assertThatThrownBy(() -> model(1024).embed("text"))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.BAD_RESPONSE))
                .hasMessageContaining("2-d").hasMessageContaining("1024");
    }

    @Test
    void should_fail_clearly_when_the_model_is_not_pulled_or_the_reply_is_malformed() {
        ollama.stubFor(post("/api/embed").willReturn(aResponse().withStatus(404).withBody("{\"error\":\"model \\\"bge-m3\\\" not found, try pulling it first\"}")));
        assertThatThrownBy(() -> model(3).embed("text"))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.MODEL_NOT_FOUND));

        ollama.stubFor(post("/api/embed").willReturn(aResponse().withBody("{\"embeddings\":[[0.6,")));
        assertThatThrownBy(() -> model(3).embed("text"))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.failure()).isEqualTo(LlmFailure.BAD_RESPONSE));
    }

    @Test
    void should_be_up_only_when_the_model_is_pulled() {
        ollama.stubFor(get("/api/tags").willReturn(aResponse().withBody("{\"models\":[{\"name\":\"bge-m3:latest\"}]}")));
        assertThat(model(3).isAvailable()).isTrue();

        ollama.stubFor(get("/api/tags").willReturn(aResponse().withBody("{\"models\":[{\"name\":\"llama3.1:8b\"}]}")));
        assertThat(model(3).isAvailable()).isFalse();
    }

    @Test
    void should_feed_the_service_series_the_embedding_alert_reads_through_the_cache_the_app_wraps_it_in() {
        IsolatedMetrics isolated = new IsolatedMetrics();
        CachingEmbeddingModel served = new CachingEmbeddingModel(model(3), new EmbeddingCache(10, 1 << 20), 32);
        isolated.metrics().bindServiceProbes(served.serviceName(), List.of(served));
        Map<String, String> series = Map.of("service", "ollama:bge-m3");

        ollama.stubFor(get("/api/tags").willReturn(aResponse().withBody("{\"models\":[{\"name\":\"bge-m3:latest\"}]}")));
        assertThat(isolated.scrape().value("aegis_service_up", series)).isEqualTo(1);

        ollama.stubFor(get("/api/tags").willReturn(aResponse().withStatus(500).withBody("{\"error\":\"runner stopped\"}")));
        assertThat(isolated.scrape().value("aegis_service_up", series)).isZero();
    }
}
