package io.aegisrag.observability.metrics;

import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.BackingService;
import io.aegisrag.core.query.Intent;
import io.aegisrag.observability.health.ServiceProbe;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The metrics facade: the only class that talks to the MetricRegistry. Metric handles are cached so
 * the hot path neither looks a metric up by name nor allocates a key: per label value for one-label
 * metrics, per model for the query counters, per provider and model for a chat model's series. Every
 * series of {@link MetricName} with known label values is registered when the facade starts (zero
 * until used), and a failure to record is logged, never thrown into the business call. A
 * {@code @Singleton}, not {@code @ApplicationScoped}: the interceptors call it directly, without a
 * client proxy's hop on every recording.
 */
@Singleton
public class AegisMetrics {

    private static final Logger LOG = Logger.getLogger(AegisMetrics.class.getName());
    /** The caches there are: embeddings and LLM answers (no query cache exists, so no series says one does). */
    private static final List<String> CACHE_TYPES = List.of("embedding", "llm");
    private static final List<String> STATUS_CLASSES = List.of("2xx", "4xx", "5xx");

    private final MetricRegistry registry;
    private final Map<MetricName, Map<String, Counter>> counters = handles();
    private final Map<MetricName, Map<String, Timer>> timers = handles();
    private final Map<MetricName, Map<String, AtomicReference<DoubleSupplier>>> gauges = handles();
    private final Map<String, Map<Intent, Counter>> queriesByModel = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LlmSeries>> llmSeriesByProvider = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> costsByProvider = new ConcurrentHashMap<>();
    private final Set<Throwable> countedFailures = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Inject
    public AegisMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void registerKnownSeries() {
        safely(() -> {
            for (Stage stage : Stage.values()) {
                timer(MetricName.QUERY_LATENCY, stage.label());
            }
            for (String cacheType : CACHE_TYPES) {
                counter(MetricName.CACHE_HITS, cacheType);
                counter(MetricName.CACHE_MISSES, cacheType);
            }
            for (ErrorType type : ErrorType.values()) {
                counter(MetricName.ERRORS, type.label());
            }
            for (FactType type : FactType.values()) {
                gauge(MetricName.MEMORY_FACTS, type.label());
            }
            ingestedChunks();
        });
    }

    /** Registers the ingestion series of every document status and stage, so they read zero before the first ingestion. */
    public void registerIngestion(List<String> statuses, List<String> stages) {
        safely(() -> {
            statuses.forEach(status -> counter(MetricName.INGESTION_DOCUMENTS, status));
            stages.forEach(stage -> timer(MetricName.INGESTION_STAGE, stage));
        });
    }

    /** Counts one document of an ingestion by its outcome ({@code status}), and the chunks it indexed. */
    public void trackIngestedDocument(String status, int chunks) {
        try {
            counter(MetricName.INGESTION_DOCUMENTS, status).inc();
            if (chunks > 0) {
                ingestedChunks().inc(chunks);
            }
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /** Records how long one document spent in one stage of ingestion. */
    public void recordIngestionStage(String stage, Duration took) {
        try {
            timer(MetricName.INGESTION_STAGE, stage).update(took);
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /** Binds {@code aegis_ingestion_jobs{state}} to a supplier that counts the jobs in that state. */
    public void bindIngestionJobs(String state, LongSupplier count) {
        bindGauge(MetricName.INGESTION_JOBS, count::getAsLong, state);
    }

    /** Registers the series labelled with a chat model, so they read zero before its first call. */
    public void registerModel(String provider, String model) {
        safely(() -> {
            queries(model);
            llmSeries(provider, model);
            costs(provider);
            gauge(MetricName.LLM_MONTHLY_SPEND, provider);
            gauge(MetricName.LLM_MONTHLY_BUDGET, provider);
        });
    }

    /** Registers the fallback series from one provider of the chain to the next, for every reason. */
    public void registerFallbacks(String from, String to, List<String> reasons) {
        safely(() -> reasons.forEach(reason -> fallbacks(from, to, reason)));
    }

    /** Counts one call handed from provider {@code from} to {@code to}. */
    public void trackFallback(String from, String to, String reason) {
        try {
            fallbacks(from, to, reason).inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /** Registers the fallback series of the configured reranker, so it reads zero before its first failure. */
    public void registerReranker(String reranker) {
        safely(() -> counter(MetricName.RERANK_FALLBACKS, reranker));
    }

    /** Counts one query whose reranker failed and whose fused order stood. */
    public void trackRerankFallback(String reranker) {
        try {
            counter(MetricName.RERANK_FALLBACKS, reranker).inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /** Adds the cost of one call to {@code aegis_llm_cost_usd_total{provider}}. */
    public void trackLlmCost(String provider, double usd) {
        try {
            costs(provider).add(usd);
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /** Binds the month-to-date spend and the monthly budget gauges of {@code provider} to the ledger that keeps them. */
    public void bindLlmBudget(String provider, DoubleSupplier monthToDate, DoubleSupplier budget) {
        bindGauge(MetricName.LLM_MONTHLY_SPEND, monthToDate, provider);
        bindGauge(MetricName.LLM_MONTHLY_BUDGET, budget, provider);
    }

    /** Counts one answered query and records the latency of each stage it went through. */
    public void trackQuery(Intent intent, String model, Map<Stage, Duration> stageLatencies) {
        try {
            queries(model).get(intent).inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
        for (Map.Entry<Stage, Duration> latency : stageLatencies.entrySet()) {
            recordStage(latency.getKey().label(), latency.getValue());
        }
    }

    public void recordStage(String stage, Duration latency) {
        try {
            timer(MetricName.QUERY_LATENCY, stage).update(latency);
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    public void trackCacheHit(String cacheType) {
        try {
            counter(MetricName.CACHE_HITS, cacheType).inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    public void trackCacheMiss(String cacheType) {
        try {
            counter(MetricName.CACHE_MISSES, cacheType).inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /** Binds the memory facts gauge of {@code type} to a supplier that reads the store on each scrape. */
    public void updateMemoryFacts(FactType type, LongSupplier count) {
        bindGauge(MetricName.MEMORY_FACTS, count::getAsLong, type.label());
    }

    /** Binds a store-size gauge ({@code aegis_vector_points_count}, ...) to a supplier over the store. */
    public void bindStoreSize(MetricName metric, String store, LongSupplier size) {
        bindGauge(metric, size::getAsLong, store);
    }

    /**
     * Binds {@code aegis_service_up{service}} to the probes of every adapter behind that service (Neo4j
     * holds both the graph and temporal memory): 1 only while all of them answer, so that one cannot hide the other.
     */
    public void bindServiceProbes(String service, List<? extends BackingService> adapters) {
        bindGauge(MetricName.SERVICE_UP, () -> adapters.stream().allMatch(ServiceProbe::isUp) ? 1 : 0, service);
    }

    /** Registers the API call series of each protocol, so they read zero before its first call. */
    public void registerApiProtocols(List<String> protocols) {
        safely(() -> protocols.forEach(protocol -> STATUS_CLASSES.forEach(status -> apiRequests(protocol, status))));
    }

    /** Counts one call of the HTTP APIs by the protocol it spoke and the class of its status code. */
    public void trackApiRequest(String protocol, int status) {
        try {
            apiRequests(protocol, status / 100 + "xx").inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /**
     * Counts {@code failure} under its error type unless it, or an exception in its cause chain, was
     * counted before; returns its type either way.
     */
    public ErrorType trackError(Throwable failure) {
        ErrorType type = ErrorClassifier.classify(failure);
        if (markCounted(failure)) {
            trackError(type);
        }
        return type;
    }

    public void trackError(ErrorType type) {
        try {
            counter(MetricName.ERRORS, type.label()).inc();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    /**
     * Records one chat model call: its outcome, latency, time to its first token (when it wrote one)
     * and the tokens it read and wrote.
     */
    public void trackLlmCall(String provider, String model, LlmCallStatus status, Duration latency,
                             Duration timeToFirstToken, long promptTokens, long completionTokens) {
        try {
            LlmSeries series = llmSeries(provider, model);
            series.byStatus().get(status).inc();
            series.latency().update(latency);
            if (timeToFirstToken != null) {
                timer(MetricName.LLM_TIME_TO_FIRST_TOKEN, provider).update(timeToFirstToken);
            }
            series.promptTokens().inc(promptTokens);
            series.completionTokens().inc(completionTokens);
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    private boolean markCounted(Throwable failure) {
        synchronized (countedFailures) {
            for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
                if (countedFailures.contains(t)) {
                    return false;
                }
            }
            countedFailures.add(failure);
            return true;
        }
    }

    private void bindGauge(MetricName metric, DoubleSupplier supplier, String labelValue) {
        safely(() -> gauge(metric, labelValue).set(supplier));
    }

    private Counter counter(MetricName metric, String labelValue) {
        Map<String, Counter> series = counters.get(metric);
        Counter counter = series.get(labelValue);
        return counter != null ? counter : series.computeIfAbsent(labelValue, value -> register(metric, value));
    }

    private Timer timer(MetricName metric, String labelValue) {
        Map<String, Timer> series = timers.get(metric);
        Timer timer = series.get(labelValue);
        return timer != null ? timer
                : series.computeIfAbsent(labelValue, value -> registry.timer(metadata(metric), tags(metric, value)));
    }

    private AtomicReference<DoubleSupplier> gauge(MetricName metric, String labelValue) {
        return gauges.get(metric).computeIfAbsent(labelValue, value -> {
            AtomicReference<DoubleSupplier> source = new AtomicReference<>(() -> 0);
            Function<AtomicReference<DoubleSupplier>, Double> read = AegisMetrics::readSafely;
            registry.gauge(metadata(metric), source, read, tags(metric, value));
            return source;
        });
    }

    private Counter ingestedChunks() {
        return counters.get(MetricName.INGESTION_CHUNKS).computeIfAbsent("", none -> register(MetricName.INGESTION_CHUNKS));
    }

    private Map<Intent, Counter> queries(String model) {
        Map<Intent, Counter> byIntent = queriesByModel.get(model);
        return byIntent != null ? byIntent : queriesByModel.computeIfAbsent(model, m -> {
            Map<Intent, Counter> counters = new EnumMap<>(Intent.class);
            for (Intent intent : Intent.values()) {
                counters.put(intent, register(MetricName.QUERIES, intent.label(), m));
            }
            return counters;
        });
    }

    private LlmSeries llmSeries(String provider, String model) {
        Map<String, LlmSeries> byModel = llmSeriesByProvider.get(provider);
        if (byModel == null) {
            byModel = llmSeriesByProvider.computeIfAbsent(provider, p -> new ConcurrentHashMap<>());
        }
        LlmSeries series = byModel.get(model);
        return series != null ? series : byModel.computeIfAbsent(model, m -> {
            timer(MetricName.LLM_TIME_TO_FIRST_TOKEN, provider);
            Map<LlmCallStatus, Counter> byStatus = new EnumMap<>(LlmCallStatus.class);
            for (LlmCallStatus status : LlmCallStatus.values()) {
                byStatus.put(status, register(MetricName.LLM_REQUESTS, provider, m, status.label()));
            }
            return new LlmSeries(byStatus,
                register(MetricName.LLM_TOKENS, provider, m, "prompt"),
                register(MetricName.LLM_TOKENS, provider, m, "completion"),
                timer(MetricName.LLM_LATENCY, provider));
        });
    }

    private DoubleAdder costs(String provider) {
        DoubleAdder spent = costsByProvider.get(provider);
        if (spent != null) {
            return spent;
        }
        return costsByProvider.computeIfAbsent(provider, p -> {
            DoubleAdder adder = new DoubleAdder();
            gauge(MetricName.LLM_COST, p).set(adder::sum);
            return adder;
        });
    }

    private Counter fallbacks(String from, String to, String reason) {
        return counters.get(MetricName.LLM_FALLBACKS).computeIfAbsent(from + ' ' + to + ' ' + reason,
                key -> register(MetricName.LLM_FALLBACKS, from, to, reason));
    }

    private Counter apiRequests(String protocol, String statusClass) {
        return counters.get(MetricName.API_REQUESTS).computeIfAbsent(protocol + ' ' + statusClass,
                key -> register(MetricName.API_REQUESTS, protocol, statusClass));
    }

    private Counter register(MetricName metric, String... labelValues) {
        return registry.counter(metadata(metric), tags(metric, labelValues));
    }

    private static <H> Map<MetricName, Map<String, H>> handles() {
        Map<MetricName, Map<String, H>> handles = new EnumMap<>(MetricName.class);
        for (MetricName metric : MetricName.values()) {
            handles.put(metric, new ConcurrentHashMap<>());
        }
        return handles;
    }

    private static Double readSafely(AtomicReference<DoubleSupplier> source) {
        try {
            return source.get().getAsDouble();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gauge supplier failed; reporting NaN", e);
            return Double.NaN;
        }
    }

    private static Metadata metadata(MetricName metric) {
        return Metadata.builder().withName(metric.registeredName()).withDescription(metric.description()).build();
    }

    private static Tag[] tags(MetricName metric, String... labelValues) {
        List<String> names = metric.labels();
        if (labelValues.length != names.size()) {
            throw new IllegalArgumentException(metric + " takes labels " + names);
        }
        Tag[] tags = new Tag[names.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(names.get(i), labelValues[i]);
        }
        return tags;
    }

    private static void safely(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            failedToRecord(e);
        }
    }

    private static void failedToRecord(RuntimeException e) {
        LOG.log(Level.WARNING, "could not record a metric; the call goes on", e);
    }

    /** The handles of one chat model's series. */
    private record LlmSeries(Map<LlmCallStatus, Counter> byStatus, Counter promptTokens, Counter completionTokens, Timer latency) {
    }
}
