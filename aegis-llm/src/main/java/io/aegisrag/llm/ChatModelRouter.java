package io.aegisrag.llm;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.BackingService;
import io.aegisrag.core.port.ChatChain;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.core.query.Context;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.llm.cost.UsageMeter;
import io.aegisrag.llm.prompt.PromptBuilder;
import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sends a prompt along the fallback chain ({@code aegis.llm.fallback}, by default the configured
 * provider and then the extractive model): a provider whose circuit is open or whose monthly budget is
 * spent is skipped, and one that fails before it wrote a word of the answer hands over to the next,
 * each hand-over counted in {@code aegis_llm_fallbacks_total{from,to,reason}} and reported with the
 * answer. Once the reader has seen part of an answer, a failure ends it instead: two providers' words
 * are never mixed. Answers are priced into the {@link SpendLedger}, cached, and their citations to no
 * context removed.
 */
@ApplicationScoped
public class ChatModelRouter implements ChatChain {

    private static final Logger LOG = Logger.getLogger(ChatModelRouter.class.getName());
    private static final String EXTRACTIVE = "extractive";

    /** One provider of the chain with its circuit; up when its circuit is closed and it answers its probe. */
    public record Provider(ChatModel model, ProviderCircuit circuit) implements BackingService {

        @Override
        public String serviceName() {
            return model.serviceName();
        }

        @Override
        public boolean isAvailable() {
            return !circuit.isOpen() && model.isAvailable();
        }
    }

    /** Where a request enters the chain: at the provider that serves the model it named, or at the first. */
    public record Route(int first, String model) {
    }

    private final List<Provider> chain;
    private final PromptBuilder prompts;
    private final SpendLedger ledger;
    private final LlmResponseCache cache;
    private final AegisMetrics metrics;

    @Inject
    public ChatModelRouter(@Any Instance<ChatModel> models,
                           @ConfigProperty(name = ConfigKeys.LLM_PROVIDER, defaultValue = EXTRACTIVE) String provider,
                           @ConfigProperty(name = ConfigKeys.LLM_FALLBACK) Optional<String> fallback,
                           @ConfigProperty(name = ConfigKeys.LLM_CIRCUIT_FAILURES, defaultValue = "5") int circuitFailures,
                           @ConfigProperty(name = ConfigKeys.LLM_CIRCUIT_OPEN_MS, defaultValue = "30000") long circuitOpenMs,
                           PromptBuilder prompts, SpendLedger ledger, LlmResponseCache cache, AegisMetrics metrics, Clock clock) {
        this(resolve(models.stream().toList(), chainOf(provider, fallback.orElse(""))).stream()
                        .map(model -> new Provider(model, new ProviderCircuit(circuitFailures, Duration.ofMillis(circuitOpenMs), clock)))
                        .toList(),
                prompts, ledger, cache, metrics);
    }

    public ChatModelRouter(List<Provider> chain, PromptBuilder prompts, SpendLedger ledger, LlmResponseCache cache, AegisMetrics metrics) {
        this.chain = List.copyOf(chain);
        this.prompts = prompts;
        this.ledger = ledger;
        this.cache = cache;
        this.metrics = metrics;
    }

    protected ChatModelRouter() {
        this(List.of(), null, null, null, null);
    }

    /** The providers of {@code aegis.llm.fallback}, or the provider and then the extractive model when it is blank. */
    static List<String> chainOf(String provider, String fallback) {
        Set<String> names = new LinkedHashSet<>();
        if (fallback.isBlank()) {
            names.add(provider.strip());
            names.add(EXTRACTIVE);
        } else {
            Arrays.stream(fallback.split(",")).map(String::strip).filter(name -> !name.isEmpty()).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** @throws IllegalStateException when a name of the chain matches no chat model */
    static List<ChatModel> resolve(List<ChatModel> all, List<String> names) {
        List<ChatModel> chain = new ArrayList<>();
        for (String name : names) {
            chain.add(all.stream().filter(model -> model.provider().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(ConfigKeys.LLM_PROVIDER + " and " + ConfigKeys.LLM_FALLBACK
                            + " must name providers among " + all.stream().map(ChatModel::provider).toList() + ", got '" + name + "'")));
        }
        return chain;
    }

    /** The chain, first choice first. */
    public List<Provider> providers() {
        return chain;
    }

    /** The messages the chain's models are asked, with the contexts that fit their window. */
    public Prompt prompt(String question, List<Context> contexts) {
        return prompts.build(question, contexts);
    }

    /**
     * Where a request that names {@code model} (or none, when null) enters the chain.
     *
     * @throws InvalidInputException naming the field {@code model} when no provider of the chain lists it
     */
    public Route route(String model) {
        if (model == null) {
            return new Route(0, chain.get(0).model().model());
        }
        Set<String> available = new LinkedHashSet<>();
        for (int i = 0; i < chain.size(); i++) {
            ChatModel provider = chain.get(i).model();
            if (provider.model().equals(model)) {
                return new Route(i, model);
            }
            try {
                List<String> listed = provider.models();
                if (listed.contains(model)) {
                    return new Route(i, model);
                }
                available.addAll(listed);
            } catch (LlmException e) {
                LOG.fine(() -> provider.provider() + " could not list its models: " + e.getMessage());
            }
        }
        throw new InvalidInputException("model", "unknown model '" + model + "'; available: " + available);
    }

    /** The chain's whole answer from its first provider on, not streamed. */
    @Override
    public Answer complete(Prompt prompt) {
        return generate(prompt, route(null), TokenSink.NONE).answer();
    }

    /**
     * Generates the answer along the chain from {@code route}, streaming it to {@code sink}.
     *
     * @throws LlmException when the last provider tried fails, or one fails after the reader saw part of its answer
     */
    public Generation generate(Prompt prompt, Route route, TokenSink sink) {
        List<Generation.Fallback> fallbacks = new ArrayList<>();
        for (int i = route.first(); i < chain.size(); i++) {
            Provider provider = chain.get(i);
            ChatModel model = provider.model();
            String name = i == route.first() ? route.model() : model.model();
            String key = LlmResponseCache.key(model.provider(), name, prompt);
            Optional<Answer> cached = cache.lookup(key);
            if (cached.isPresent()) {
                sink.token(cached.get().text());
                return new Generation(cached.get(), 0, true, fallbacks);
            }
            try {
                skipIfBarred(provider);
                return generated(provider, name, prompt, key, sink, fallbacks);
            } catch (LlmException e) {
                if (e instanceof PartialAnswerException || i == chain.size() - 1) {
                    throw e;
                }
                String next = chain.get(i + 1).model().provider();
                LOG.warning(model.provider() + " did not answer (" + e.failure().label() + "), falling back to " + next + ": " + e.getMessage());
                metrics.trackFallback(model.provider(), next, e.failure().label());
                fallbacks.add(new Generation.Fallback(model.provider(), next, e.failure().label(), e.getMessage()));
            }
        }
        throw new IllegalStateException("the chain starts past its end: " + route);
    }

    private Generation generated(Provider provider, String model, Prompt prompt, String key, TokenSink sink,
                                 List<Generation.Fallback> fallbacks) {
        CitingSink citing = CitingSink.of(sink, prompt);
        Answer raw;
        try {
            raw = provider.model().generate(prompt, model, citing);
        } catch (LlmException e) {
            if (countsAgainstCircuit(e.failure())) {
                provider.circuit().failed();
            }
            if (citing.wroteAny()) {
                throw new PartialAnswerException(e);
            }
            throw e;
        }
        provider.circuit().succeeded();
        Answer answer = new Answer(citing.finish(raw.text()), raw.provider(), raw.model(), raw.promptTokens(),
                raw.completionTokens(), raw.tokensEstimated(), raw.timeToFirstToken(), raw.cancelled());
        double cost = ledger.record(answer);
        metrics.trackLlmCost(answer.provider(), cost);
        UsageMeter.record(answer.promptTokens(), answer.completionTokens(), cost);
        cache.store(key, answer);
        return new Generation(answer, cost, false, fallbacks);
    }

    private void skipIfBarred(Provider provider) {
        String name = provider.model().provider();
        if (ledger.exhausted(name)) {
            throw new LlmException(LlmFailure.BUDGET_EXHAUSTED, name + " has spent its monthly budget of "
                    + ledger.budget(name) + " USD for " + ledger.month());
        }
        if (!provider.circuit().allowsCall()) {
            throw new LlmException(LlmFailure.CIRCUIT_OPEN, name + " failed repeatedly and is skipped for a while");
        }
    }

    private static boolean countsAgainstCircuit(LlmFailure failure) {
        return failure == LlmFailure.UNAVAILABLE || failure == LlmFailure.TIMEOUT
                || failure == LlmFailure.RATE_LIMITED || failure == LlmFailure.BAD_RESPONSE;
    }

    /** A provider failed after the reader saw part of its answer: no other provider may finish it. */
    static final class PartialAnswerException extends LlmException {

        PartialAnswerException(LlmException cause) {
            super(cause.failure(), cause.getMessage() + " (after part of the answer was sent)", cause);
        }
    }
}
