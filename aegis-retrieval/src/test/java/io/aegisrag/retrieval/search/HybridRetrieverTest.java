package io.aegisrag.retrieval.search;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.testing.HashEmbeddingModel;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.observability.testing.PrometheusScrape;
import io.aegisrag.observability.tracing.NoopStageTracer;
import io.aegisrag.retrieval.fusion.NormalizedScoreFusion;
import io.aegisrag.retrieval.rerank.Reranking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HybridRetrieverTest {

    private static final DocumentId DOC = DocumentId.random();
    private final ExecutorService executor = Executors.newFixedThreadPool(3);
    private final IsolatedMetrics isolated = new IsolatedMetrics();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static ChunkRetriever retriever(Retriever kind, IntFunction<List<ChunkHit>> results) {
        return retriever(kind, (question, limit) -> results.apply(limit));
    }

    private static ChunkRetriever retriever(Retriever kind, BiFunction<Question, Integer, List<ChunkHit>> results) {
        return new ChunkRetriever() {
            @Override
            public Retriever kind() {
                return kind;
            }

            @Override
            public List<ChunkHit> retrieve(Question question, int limit) {
                return results.apply(question, limit);
            }
        };
    }

    private static List<ChunkHit> hits(String... ids) {
        return Arrays.stream(ids).map(id -> new ChunkHit(new Chunk(id, DOC, "t", "s", "", id, 0), 1)).toList();
    }

    private HybridRetriever hybrid(long timeoutMillis, ChunkRetriever... retrievers) {
        return new HybridRetriever(List.of(retrievers), new HashEmbeddingModel(), executor, isolated.metrics(), new NoopStageTracer(),
                new NormalizedScoreFusion(), new Reranking(Reranking.fusedOrder(), 40, isolated.metrics()), 20, timeoutMillis);
    }

    @Test
    void should_fuse_every_retriever_and_name_those_that_found_each_chunk() {
        List<Context> contexts = hybrid(5_000,
                retriever(Retriever.VECTOR, limit -> hits("a", "b")),
                retriever(Retriever.BM25, limit -> hits("b", "c")),
                retriever(Retriever.GRAPH, limit -> List.of()))
                .retrieve("q", Intent.HYBRID, 2);

        assertThat(contexts).extracting(c -> c.chunk().id()).containsExactly("b", "a");
        assertThat(contexts.get(0).retrievers()).containsExactlyInAnyOrder(Retriever.VECTOR, Retriever.BM25);
    }

    @Test
    void should_embed_the_question_once_for_all_the_retrievers_that_use_it() {
        List<float[]> seen = new CopyOnWriteArrayList<>();
        BiFunction<Question, Integer, List<ChunkHit>> embedding = (question, limit) -> {
            seen.add(question.embedding());
            return List.of();
        };

        hybrid(5_000, retriever(Retriever.VECTOR, embedding), retriever(Retriever.GRAPH, embedding)).retrieve("q", Intent.HYBRID, 5);

        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).as("one vector, computed once").isSameAs(seen.get(0));
    }

    @Test
    void should_embed_the_question_before_handing_out_the_retrievers_when_the_vector_retriever_runs() {
        List<String> events = new CopyOnWriteArrayList<>();
        HybridRetriever hybrid = new HybridRetriever(List.of(retriever(Retriever.VECTOR, (question, limit) -> {
            question.embedding();
            return hits("a");
        }), retriever(Retriever.BM25, limit -> {
            events.add("bm25");
            return hits("b");
        })), recording(events, null), executor, isolated.metrics(),
                new NoopStageTracer(), new NormalizedScoreFusion(), new Reranking(Reranking.fusedOrder(), 40, isolated.metrics()), 20, 5_000);

        hybrid.retrieve("q", Intent.HYBRID, 5);
        hybrid.retrieve("q", Intent.HYBRID, 5, Set.of(Retriever.BM25), MemoryScope.ALL);

        assertThat(events).as("embedded before BM25 started, and not for the question only BM25 answers")
                .containsExactly("embedded", "bm25", "bm25");
    }

    @Test
    void should_wait_for_a_hanging_embedding_model_at_most_the_timeout_and_answer_from_the_retrievers_that_do_not_need_it() {
        EmbeddingModel hanging = recording(new CopyOnWriteArrayList<>(), null, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HybridRetriever hybrid = new HybridRetriever(List.of(retriever(Retriever.VECTOR, (question, limit) -> {
            question.embedding();
            return hits("never");
        }), retriever(Retriever.BM25, limit -> hits("b"))), hanging, executor, isolated.metrics(), new NoopStageTracer(),
                new NormalizedScoreFusion(), new Reranking(Reranking.fusedOrder(), 40, isolated.metrics()), 20, 200);

        long start = System.nanoTime();
        List<Context> contexts = hybrid.retrieve("q", Intent.HYBRID, 5);

        assertThat(contexts).extracting(c -> c.chunk().id()).containsExactly("b");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the embedding's timeout, then the retrievers'").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void should_ask_a_failing_embedding_model_once_and_answer_from_the_retrievers_that_do_not_need_it() {
        List<String> asked = new CopyOnWriteArrayList<>();
        PrometheusScrape before = isolated.scrape();
        BiFunction<Question, Integer, List<ChunkHit>> embedding = (question, limit) -> {
            question.embedding();
            return hits("never");
        };
        HybridRetriever hybrid = new HybridRetriever(List.of(retriever(Retriever.VECTOR, embedding), retriever(Retriever.GRAPH, embedding),
                retriever(Retriever.BM25, limit -> hits("b"))), recording(asked, new AegisException(ErrorType.LLM_ERROR, "model is down")),
                executor, isolated.metrics(), new NoopStageTracer(), new NormalizedScoreFusion(),
                new Reranking(Reranking.fusedOrder(), 40, isolated.metrics()), 20, 5_000);

        List<Context> contexts = hybrid.retrieve("q", Intent.HYBRID, 5);

        assertThat(contexts).extracting(c -> c.chunk().id()).containsExactly("b");
        assertThat(asked).hasSize(1);
        assertThat(isolated.scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "llm_error")))
                .as("one failure of the model, counted once though two retrievers report it").isEqualTo(1);
    }

    /** Embeds as {@link HashEmbeddingModel} does, noting each question embedded, or fails with {@code failure}. */
    private static EmbeddingModel recording(List<String> events, RuntimeException failure) {
        return recording(events, failure, () -> { });
    }

    private static EmbeddingModel recording(List<String> events, RuntimeException failure, Runnable before) {
        HashEmbeddingModel hash = new HashEmbeddingModel();
        return new EmbeddingModel() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                return hash.embedAll(texts);
            }

            @Override
            public float[] embedQuery(String query) {
                before.run();
                events.add("embedded");
                if (failure != null) {
                    throw failure;
                }
                return hash.embedQuery(query);
            }

            @Override
            public int dimension() {
                return hash.dimension();
            }

            @Override
            public String serviceName() {
                return hash.serviceName();
            }

            @Override
            public boolean isAvailable() {
                return true;
            }
        };
    }

    @Test
    void should_ask_each_retriever_for_at_least_twice_top_k_candidates() {
        int[] asked = new int[1];
        hybrid(5_000, retriever(Retriever.VECTOR, limit -> {
            asked[0] = limit;
            return List.of();
        })).retrieve("q", Intent.VECTOR, 15);

        assertThat(asked[0]).isEqualTo(30);
    }

    @Test
    void should_leave_out_a_failing_retriever_and_count_its_error() {
        PrometheusScrape before = isolated.scrape();

        List<Context> contexts = hybrid(5_000,
                retriever(Retriever.VECTOR, limit -> hits("a")),
                retriever(Retriever.BM25, limit -> {
                    throw new AegisException(ErrorType.DATABASE_ERROR, "index is gone");
                }))
                .retrieve("q", Intent.VECTOR, 5);

        assertThat(contexts).extracting(c -> c.chunk().id()).containsExactly("a");
        assertThat(isolated.scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "database_error"))).isEqualTo(1);
    }

    @Test
    void should_give_up_on_a_retriever_that_overruns_the_timeout() {
        PrometheusScrape before = isolated.scrape();

        List<Context> contexts = hybrid(200,
                retriever(Retriever.VECTOR, limit -> hits("a")),
                retriever(Retriever.GRAPH, limit -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return hits("late");
                }))
                .retrieve("q", Intent.VECTOR, 5);

        assertThat(contexts).extracting(c -> c.chunk().id()).containsExactly("a");
        assertThat(isolated.scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "timeout"))).isEqualTo(1);
    }

    @Test
    void should_fail_with_the_cause_when_every_retriever_failed() {
        assertThatThrownBy(() -> hybrid(5_000,
                retriever(Retriever.VECTOR, limit -> {
                    throw new AegisException(ErrorType.DATABASE_ERROR, "down");
                }))
                .retrieve("q", Intent.VECTOR, 5))
                .isInstanceOf(AegisException.class)
                .satisfies(e -> assertThat(((AegisException) e).errorType()).isEqualTo(ErrorType.DATABASE_ERROR));
    }

    @Test
    void should_refuse_at_once_with_a_timeout_when_the_retrievers_queue_is_full() {
        ExecutorService saturated = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.MILLISECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(1));
        try {
            saturated.submit(() -> {
                never.await();
                return null;
            });
            saturated.submit(() -> {
                never.await();
                return null;
            });
            PrometheusScrape before = isolated.scrape();
            HybridRetriever full = new HybridRetriever(List.of(retriever(Retriever.VECTOR, limit -> hits("a"))), new HashEmbeddingModel(), saturated,
                    isolated.metrics(), new NoopStageTracer(), new NormalizedScoreFusion(),
                    new Reranking(Reranking.fusedOrder(), 40, isolated.metrics()), 20, 5_000);

            assertThatThrownBy(() -> full.retrieve("q", Intent.VECTOR, 5))
                    .isInstanceOfSatisfying(AegisException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.TIMEOUT))
                    .hasMessageContaining("queue is full");
            assertThat(isolated.scrape().increaseSince(before, "aegis_errors_total", Map.of("error_type", "timeout"))).isEqualTo(1);
        } finally {
            saturated.shutdownNow();
        }
    }
}
