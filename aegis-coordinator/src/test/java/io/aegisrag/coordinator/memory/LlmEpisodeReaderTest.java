package io.aegisrag.coordinator.memory;

import io.aegisrag.coordinator.testing.ScriptedChain.ReplyingModel;
import io.aegisrag.coordinator.testing.ScriptedChain;
import io.aegisrag.core.llm.LlmFailure;
import io.aegisrag.core.port.ChatModel;
import io.aegisrag.llm.extractive.ExtractiveChatModel;
import io.aegisrag.retrieval.graph.EpisodeReader;
import io.aegisrag.retrieval.graph.LlmEpisodeReader;
import io.aegisrag.retrieval.graph.RuleEpisodeReader;
import io.aegisrag.retrieval.graph.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LlmEpisodeReaderTest {

    private static final String EPISODE = "Ottilie Brand has been steering the Quorvex rollout since spring.";

    @TempDir
    Path dir;

    private LlmEpisodeReader reader(ChatModel... chain) {
        return new LlmEpisodeReader(ScriptedChain.router(dir, chain), new RuleEpisodeReader());
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
        assertThat(model.asked().get(0).outputSchema()).contains("\"facts\"").contains("\"required\"");
        assertThat(model.asked().get(0).user()).contains(EPISODE);
    }

    @Test
    void should_ask_once_more_with_the_reason_and_then_let_the_rules_read() {
        ReplyingModel model = new ReplyingModel(null, "Sure! Here are the facts:", "{\"entities\": 3, \"facts\": []}");

        EpisodeReader.Reading reading = reader(model).read("Alice joined Globex.");

        assertThat(model.asked()).hasSize(2);
        assertThat(model.asked().get(1).user()).contains("not the JSON asked for (not a JSON object)");
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

        assertThat(model.asked()).hasSize(1);
    }
}
