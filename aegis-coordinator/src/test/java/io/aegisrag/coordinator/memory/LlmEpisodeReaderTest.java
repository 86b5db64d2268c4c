package io.aegisrag.coordinator.memory;

import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.LlmException;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.llm.LlmResponseCache;
import io.aegisrag.llm.ProviderCircuit;
import io.aegisrag.llm.cost.PriceTable;
import io.aegisrag.llm.cost.SpendLedger;
import io.aegisrag.llm.extractive.ExtractiveChatModel;
import io.aegisrag.llm.prompt.PromptBuilder;
import io.aegisrag.observability.testing.IsolatedMetrics;
import io.aegisrag.retrieval.graph.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LlmEpisodeReaderTest {

    private static final String EPISODE = "Ottilie Brand has been steering the Quorvex rollout since spring.";

    @TempDir
    Path dir;

    /** A language model that gives its replies in turn, and keeps the prompts it was asked. */
    private static final class ReplyingModel implements ChatModel {
        final Deque<String> replies;
        final List<Prompt> asked = new ArrayList<>();
        final LlmFailure failure;

        ReplyingModel(LlmFailure failure, String... replies) {
            this.failure = failure;
            this.replies = new ArrayDeque<>(List.of(replies));
        }

        @Override
        public Answer generate(Prompt prompt, String model, TokenSink sink) {
            asked.add(prompt);
            if (failure != null) {
                throw new LlmException(failure, "failed on purpose");
            }
            return new Answer(replies.removeFirst(), "ollama", "llama3.1:8b", 100, 20, false, Duration.ofMillis(5), false);
        }

        @Override
        public List<String> models() {
            return List.of(model());
        }

        @Override
        public String provider() {
            return "ollama";
        }

        @Override
        public String model() {
            return "llama3.1:8b";
        }

        @Override
        public String serviceName() {
            return "ollama";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    private LlmEpisodeReader reader(ChatModel... chain) {
        List<ChatModelRouter.Provider> providers = new ArrayList<>();
        for (ChatModel model : chain) {
            providers.add(new ChatModelRouter.Provider(model, new ProviderCircuit(5, Duration.ofMinutes(1), Clock.systemUTC())));
        }
        SpendLedger ledger = new SpendLedger(dir.resolve("spend.json"), Clock.systemUTC(), PriceTable.parse(""), Map.of());
        ChatModelRouter router = new ChatModelRouter(providers, new PromptBuilder(4096, 256), ledger, new LlmResponseCache(100),
                new IsolatedMetrics().metrics());
        return new LlmEpisodeReader(router, new RuleEpisodeReader());
    }

    @Test
    void should_read_the_entities_and_facts_the_model_returns_in_the_json_asked_for() {
        ReplyingModel model = new ReplyingModel(null, """
                {"entities":[{"name":"Ottilie  Brand","type":"person"},{"name":"Quorvex","type":"spaceship"}],
                 "facts":[{"subject":"Ottilie Brand","relation":"Works For","object":"Halvorsen Labs","fact":"Ottilie works for Halvorsen Labs."},
                          {"subject":"Ottilie Brand","relation":"leads","object":"Quorvex","fact":""},
                          {"subject":"Ottilie Brand","relation":"has; DROP","object":"Quorvex","fact":"bad relation"}]}""");

        EpisodeReader.Reading reading = reader(model).read(EPISODE);

        assertThat(reading.readBy()).isEqualTo("llm");
        assertThat(reading.entities()).extracting(e -> e.id() + ":" + e.type())
                .containsExactly("ottilie-brand:person", "quorvex:concept", "halvorsen-labs:concept");
        assertThat(reading.statements()).extracting(s -> s.subject().id(), Statement::relation, s -> s.object().id(), Statement::sentence)
                .containsExactly(tuple("ottilie-brand", "works_at", "halvorsen-labs", "Ottilie works for Halvorsen Labs."),
                        tuple("ottilie-brand", "leads", "quorvex", "Ottilie Brand leads Quorvex"));
        assertThat(model.asked.get(0).outputSchema()).contains("\"facts\"").contains("\"required\"");
        assertThat(model.asked.get(0).user()).contains(EPISODE);
    }

    @Test
    void should_ask_once_more_with_the_reason_and_then_let_the_rules_read() {
        ReplyingModel model = new ReplyingModel(null, "Sure! Here are the facts:", "{\"entities\": 3, \"facts\": []}");

        EpisodeReader.Reading reading = reader(model).read("Alice joined Globex.");

        assertThat(model.asked).hasSize(2);
        assertThat(model.asked.get(1).user()).contains("not the JSON asked for (not a JSON object)");
        assertThat(reading.readBy()).isEqualTo("rules");
        assertThat(reading.statements()).extracting(Statement::relation).containsExactly("works_at");
    }

    @Test
    void should_let_the_rules_read_when_no_language_model_answers() {
        EpisodeReader.Reading failed = reader(new ReplyingModel(LlmFailure.UNAVAILABLE)).read("Alice joined Globex.");
        EpisodeReader.Reading extractive = reader(new ReplyingModel(LlmFailure.UNAVAILABLE), new ExtractiveChatModel()).read("Alice joined Globex.");

        assertThat(failed.readBy()).isEqualTo("rules");
        assertThat(extractive.readBy()).isEqualTo("rules");
        assertThat(extractive.statements()).extracting(Statement::relation).containsExactly("works_at");
    }

    @Test
    void should_not_ask_again_for_an_episode_it_has_read() {
        ReplyingModel model = new ReplyingModel(null, "{\"entities\":[],\"facts\":[]}");
        LlmEpisodeReader reader = reader(model);

        reader.read(EPISODE);
        reader.read(EPISODE);

        assertThat(model.asked).hasSize(1);
    }
}
