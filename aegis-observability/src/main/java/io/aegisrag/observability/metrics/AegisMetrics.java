package io.aegisrag.observability.metrics;

import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.port.BackingService;
import io.aegisrag.core.query.Intent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The metrics facade: the only class that talks to the MetricRegistry. Metric handles are cached per
 * metric and label values (the value itself for one label, so the hot path allocates nothing), every series of {@link MetricName} with known label values is registered when the facade
 * starts (zero until used), and a failure to record is logged, never thrown into the business call.
 */
@ApplicationScoped
public class AegisMetrics {

    private static final Logger LOG = Logger.getLogger(AegisMetrics.class.getName());
    private static final List<String> CACHE_TYPES = List.of("embedding", "query", "llm");
    private static final List<String> LLM_STATUSES = List.of("success", "error");
    private static final List<String> TOKEN_DIRECTIONS = List.of("prompt", "completion");

    private final MetricRegistry registry;
    private final Map<MetricName, Map<Object, Counter>> counters = handles();
    private final Map<MetricName, Map<Object, Timer>> timers = handles();
    private final Map<MetricName, Map<Object, AtomicReference<DoubleSupplier>>> gauges = handles();
    private final Set<Throwable> countedFailures = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Inject
    public AegisMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For the CDI client proxy only. */
    protected AegisMetrics() {
        this(null);
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
        });
    }

    /** Registers the series labelled with a chat model, so they read zero before its first call. */
    public void registerModel(String provider, String model) {
        safely(() -> {
            for (Intent intent : Intent.values()) {
                counter(MetricName.QUERIES, intent.label(), model);
            }
            for (String status : LLM_STATUSES) {
                counter(MetricName.LLM_REQUESTS, provider, model, status);
            }
            for (String direction : TOKEN_DIRECTIONS) {
                counter(MetricName.LLM_TOKENS, provider, model, direction);
            }
            timer(MetricName.LLM_LATENCY, provider);
            counter(MetricName.LLM_COST, provider);
            gauge(MetricName.LLM_MONTHLY_SPEND, provider);
            gauge(MetricName.LLM_MONTHLY_BUDGET, provider);
        });
    }

    /** Counts one answered query and records the latency of each stage it went through. */
    public void trackQuery(Intent intent, String model, Map<Stage, Duration> stageLatencies) {
        try {
            counter(MetricName.QUERIES, intent.label(), model).inc();
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

    /** Binds {@code aegis_service_up{service}} to the service's own probe. */
    public void bindServiceProbe(BackingService service) {
        bindGauge(MetricName.SERVICE_UP, () -> service.isAvailable() ? 1 : 0, service.serviceName());
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

    /** Records one chat model call: its outcome, latency and, when it succeeded, its tokens. */
    public void trackLlmCall(String provider, String model, boolean succeeded, Duration latency,
                             long promptTokens, long completionTokens) {
        try {
            counter(MetricName.LLM_REQUESTS, provider, model, succeeded ? "success" : "error").inc();
            timer(MetricName.LLM_LATENCY, provider).update(latency);
            counter(MetricName.LLM_TOKENS, provider, model, "prompt").inc(promptTokens);
            counter(MetricName.LLM_TOKENS, provider, model, "completion").inc(completionTokens);
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

    private void bindGauge(MetricName metric, DoubleSupplier supplier, String... labelValues) {
        safely(() -> gauge(metric, labelValues).set(supplier));
    }

    private Counter counter(MetricName metric, String... labelValues) {
        Map<Object, Counter> series = counters.get(metric);
        Object key = key(labelValues);
        Counter counter = series.get(key);
        return counter != null ? counter
                : series.computeIfAbsent(key, k -> registry.counter(metadata(metric), tags(metric, labelValues)));
    }

    private Timer timer(MetricName metric, String... labelValues) {
        Map<Object, Timer> series = timers.get(metric);
        Object key = key(labelValues);
        Timer timer = series.get(key);
        return timer != null ? timer
                : series.computeIfAbsent(key, k -> registry.timer(metadata(metric), tags(metric, labelValues)));
    }

    private AtomicReference<DoubleSupplier> gauge(MetricName metric, String... labelValues) {
        return gauges.get(metric).computeIfAbsent(key(labelValues), k -> {
            AtomicReference<DoubleSupplier> source = new AtomicReference<>(() -> 0);
            Function<AtomicReference<DoubleSupplier>, Double> read = AegisMetrics::readSafely;
            registry.gauge(metadata(metric), source, read, tags(metric, labelValues));
            return source;
        });
    }

    /** One map of handles per metric, keyed by the label value (one label) or the list of them. */
    private static <H> Map<MetricName, Map<Object, H>> handles() {
        Map<MetricName, Map<Object, H>> handles = new EnumMap<>(MetricName.class);
        for (MetricName metric : MetricName.values()) {
            handles.put(metric, new ConcurrentHashMap<>());
        }
        return handles;
    }

    private static Object key(String[] labelValues) {
        return labelValues.length == 1 ? labelValues[0] : Arrays.asList(labelValues);
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

    private static Tag[] tags(MetricName metric, String[] labelValues) {
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
}
