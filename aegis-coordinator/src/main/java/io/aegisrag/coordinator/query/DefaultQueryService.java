package io.aegisrag.coordinator.query;

import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.TemporalMemory;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Intent;
import io.aegisrag.core.query.QueryMode;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.llm.Generation;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.metrics.Stage;
import io.aegisrag.retrieval.search.HybridRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * Resolves a follow-up against its conversation, classifies, retrieves, generates (streaming when
 * asked), remembers the turn in the caller's group and reports each stage's latency and the answer's usage.
 */
@ApplicationScoped
public class DefaultQueryService implements QueryService {

    private static final ChatStream WHOLE_ANSWER = ChatStream.of(TokenSink.NONE);

    private final IntentClassifier classifier;
    private final HybridRetriever retriever;
    private final ChatModelRouter models;
    private final Conversation conversation;
    private final TemporalMemory memory;
    private final AegisMetrics metrics;
    private final Clock clock;

    @Inject
    public DefaultQueryService(IntentClassifier classifier, HybridRetriever retriever, ChatModelRouter models,
                               Conversation conversation, TemporalMemory memory, AegisMetrics metrics, Clock clock) {
        this.classifier = classifier;
        this.retriever = retriever;
        this.models = models;
        this.conversation = conversation;
        this.memory = memory;
        this.metrics = metrics;
        this.clock = clock;
    }

    protected DefaultQueryService() {
        this(null, null, null, null, null, null, null);
    }

    @Override
    public QueryResult query(QueryRequest body, MemoryScope memory) {
        return chat(body, memory, WHOLE_ANSWER);
    }

    @Override
    public QueryResult chat(QueryRequest body, MemoryScope memory, ChatStream stream) {
        return chat(body, memory, body.sessionId() == null ? List.of() : conversation.history(memory.sessionKey(body.sessionId())), stream);
    }

    @Override
    public QueryResult chat(QueryRequest body, MemoryScope memory, List<Turn> history, ChatStream stream) {
        requireWords(body);
        ChatModelRouter.Route route = models.route(body.model());
        String queryId = UUID.randomUUID().toString();
        Map<Stage, Duration> latencies = new EnumMap<>(Stage.class);
        long start = System.nanoTime();

        String question = FollowUps.resolve(body.query(), history);
        Intent intent = QueryMode.fromLabel(body.mode()).forcedIntent().orElseGet(() -> classifier.classify(question));
        long classified = System.nanoTime();
        latencies.put(Stage.INTENT_CLASSIFICATION, Duration.ofNanos(classified - start));

        List<Context> contexts = retriever.retrieve(question, intent, body.topKOrDefault(), retrieversNamed(body.retrievers()), memory);
        long retrieved = System.nanoTime();
        latencies.put(Stage.RETRIEVAL, Duration.ofNanos(retrieved - classified));

        Prompt prompt = asked(body.query(), models.prompt(question, contexts));
        stream.started(queryId, intent.label(), route.model());
        Generation generation = models.generate(prompt, route, stream);
        Answer answer = generation.answer();
        long generated = System.nanoTime();
        latencies.put(Stage.GENERATION, Duration.ofNanos(generated - retrieved));
        latencies.put(Stage.FIRST_TOKEN, Duration.ofNanos(retrieved - start).plus(generation.cached() ? Duration.ZERO : answer.timeToFirstToken()));

        if (body.sessionId() != null) {
            remember(memory, body.sessionId(), body.query(), answer.text(), prompt.contexts());
        }
        latencies.put(Stage.TOTAL, Duration.ofNanos(System.nanoTime() - start));
        metrics.trackQuery(intent, answer.model(), latencies);
        return new QueryResult(queryId, answer.text(), intent.label(), answer.model(),
                prompt.contexts().stream().map(QueryResult.Source::of).toList(), inMillis(latencies),
                usage(generation), generation.fallbacks(), question.equals(body.query()) ? null : question);
    }

    @Override
    public List<QueryResult.Source> search(QueryRequest body, MemoryScope memory) {
        requireWords(body);
        Intent intent = QueryMode.fromLabel(body.mode()).forcedIntent().orElseGet(() -> classifier.classify(body.query()));
        return retriever.retrieve(body.query(), intent, body.topKOrDefault(), retrieversNamed(body.retrievers()), memory).stream()
                .map(QueryResult.Source::of).toList();
    }

    private static void requireWords(QueryRequest body) {
        if (body.query().codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException("query", "must contain a letter or a digit");
        }
    }

    /**
     * The prompt of a resolved follow-up keeps the resolved question in its user message, for a
     * language model, and the question as asked, which the extractive model matches sentences against.
     */
    private static Prompt asked(String question, Prompt resolved) {
        return question.equals(resolved.question()) ? resolved
                : new Prompt(question, resolved.contexts(), resolved.system(), resolved.user(), resolved.estimatedTokens());
    }

    private static QueryResult.Usage usage(Generation generation) {
        Answer answer = generation.answer();
        boolean cached = generation.cached();
        return new QueryResult.Usage(cached ? 0 : answer.promptTokens(), cached ? 0 : answer.completionTokens(),
                generation.costUsd(), answer.provider(), answer.model(), answer.tokensEstimated(), cached,
                cached ? 0 : answer.timeToFirstToken().toNanos() / 1_000_000.0);
    }

    private void remember(MemoryScope scope, String sessionId, String question, String answer, List<Context> sources) {
        var now = clock.instant();
        conversation.record(scope.sessionKey(sessionId), new Turn(question, answer,
                sources.stream().map(c -> new Turn.Source(c.chunk().id(), c.chunk().title())).toList(), now));
        memory.record(new Fact(UUID.randomUUID().toString(), FactType.EPISODIC, sessionId,
                "asked: " + question, now, null, now).inGroup(scope.group()), false);
    }

    private static Set<Retriever> retrieversNamed(List<String> labels) {
        if (labels == null) {
            return Set.of();
        }
        return labels.stream().map(label -> Retriever.valueOf(label.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Retriever.class)));
    }

    private static Map<String, Double> inMillis(Map<Stage, Duration> latencies) {
        Map<String, Double> millis = new LinkedHashMap<>();
        latencies.forEach((stage, latency) -> millis.put(stage.label(), latency.toNanos() / 1_000_000.0));
        return millis;
    }
}
