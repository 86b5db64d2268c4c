package io.aegisrag.bench;

import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.query.Intent;
import io.aegisrag.observability.interceptor.TrackedCacheInterceptor;
import io.aegisrag.observability.interceptor.TrackedLlmCallInterceptor;
import io.aegisrag.observability.interceptor.TrackedStageInterceptor;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.metrics.MetricName;
import io.aegisrag.observability.metrics.Stage;
import io.aegisrag.observability.tracing.NoopStageTracer;
import io.smallrye.metrics.MetricRegistryProducer;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the instrumentation of one query costs: the same chain of beans (three retrievers, an
 * embedding-cache lookup, a chat model call, then the facade's trackQuery with four stage
 * latencies) with and without the interceptor bindings, in a Weld SE container over SmallRye
 * Metrics 5.1 (on Micrometer, like Liberty's mpMetrics-5.1); and the raw registry operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InstrumentationBenchmark {

    private WeldContainer weld;
    private PipelineBeans.InstrumentedRetrievers instrumentedRetrievers;
    private PipelineBeans.PlainRetrievers plainRetrievers;
    private PipelineBeans.InstrumentedCache instrumentedCache;
    private PipelineBeans.PlainCache plainCache;
    private PipelineBeans.InstrumentedModel instrumentedModel;
    private PipelineBeans.PlainModel plainModel;
    private AegisMetrics metrics;
    private MetricRegistry registry;
    private Counter cachedCounter;
    private Timer cachedTimer;
    private static final Duration TWELVE_MS = Duration.ofMillis(12);
    private final Map<Stage, Duration> latencies = new EnumMap<>(Stage.class);
    private final Metadata counterMetadata = Metadata.builder().withName("bench_lookups").build();
    private final Tag[] twoTags = {new Tag("intent", "vector"), new Tag("model", "fixed")};

    @Setup(Level.Trial)
    public void startContainer() {
        weld = new Weld().disableDiscovery()
                .addBeanClasses(AegisMetrics.class, MetricRegistryProducer.class, NoopStageTracer.class,
                        TrackedStageInterceptor.class, TrackedCacheInterceptor.class, TrackedLlmCallInterceptor.class,
                        PipelineBeans.InstrumentedRetrievers.class, PipelineBeans.PlainRetrievers.class,
                        PipelineBeans.InstrumentedCache.class, PipelineBeans.PlainCache.class,
                        PipelineBeans.InstrumentedModel.class, PipelineBeans.PlainModel.class)
                .initialize();
        instrumentedRetrievers = weld.select(PipelineBeans.InstrumentedRetrievers.class).get();
        plainRetrievers = weld.select(PipelineBeans.PlainRetrievers.class).get();
        instrumentedCache = weld.select(PipelineBeans.InstrumentedCache.class).get();
        plainCache = weld.select(PipelineBeans.PlainCache.class).get();
        instrumentedModel = weld.select(PipelineBeans.InstrumentedModel.class).get();
        plainModel = weld.select(PipelineBeans.PlainModel.class).get();
        metrics = weld.select(AegisMetrics.class).get();
        metrics.registerModel("fixed", "fixed");
        registry = SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
        cachedCounter = registry.counter(counterMetadata, twoTags);
        cachedTimer = registry.timer(Metadata.builder().withName("aegis_query_latency_seconds").withDescription(MetricName.QUERY_LATENCY.description()).build(),
                new Tag("stage", "vector"));
        for (Stage stage : List.of(Stage.INTENT_CLASSIFICATION, Stage.RETRIEVAL, Stage.GENERATION, Stage.TOTAL)) {
            latencies.put(stage, Duration.ofMillis(12));
        }
    }

    @TearDown(Level.Trial)
    public void stopContainer() {
        weld.shutdown();
    }

    @Benchmark
    public Object query_without_instrumentation() {
        int k = plainRetrievers.vector(10) + plainRetrievers.bm25(10) + plainRetrievers.graph(10);
        return plainModel.generate(PipelineBeans.PROMPT, null, TokenSink.NONE).text().length() + k + plainCache.lookup("q").get().length;
    }

    @Benchmark
    public Object query_with_instrumentation() {
        int k = instrumentedRetrievers.vector(10) + instrumentedRetrievers.bm25(10) + instrumentedRetrievers.graph(10);
        Object result = instrumentedModel.generate(PipelineBeans.PROMPT, null, TokenSink.NONE).text().length() + k + instrumentedCache.lookup("q").get().length;
        metrics.trackQuery(Intent.VECTOR, "fixed", latencies);
        return result;
    }

    @Benchmark
    public void counter_looked_up_by_name_and_two_tags_then_incremented() {
        registry.counter(counterMetadata, twoTags).inc();
    }

    @Benchmark
    public void counter_handle_incremented() {
        cachedCounter.inc();
    }

    @Benchmark
    public void timer_with_buckets_updated() {
        cachedTimer.update(Duration.ofMillis(12));
    }

    @Benchmark
    public void facade_track_cache_hit() {
        metrics.trackCacheHit("embedding");
    }

    @Benchmark
    public void facade_record_stage() {
        metrics.recordStage("vector", TWELVE_MS);
    }

    @Benchmark
    public void facade_track_query() {
        metrics.trackQuery(Intent.VECTOR, "fixed", latencies);
    }
}
