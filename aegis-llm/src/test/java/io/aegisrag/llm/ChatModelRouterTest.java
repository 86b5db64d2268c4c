package io.aegisrag.llm;

import io.aegisrag.llm.extractive.ExtractiveChatModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatModelRouterTest {

    @Test
    void should_pick_the_model_of_the_configured_provider() {
        ExtractiveChatModel extractive = new ExtractiveChatModel();

        assertThat(new ChatModelRouter(List.of(extractive), "extractive").active()).isSameAs(extractive);
    }

    @Test
    void should_refuse_to_start_with_an_unknown_provider_and_list_the_known_ones() {
        assertThatThrownBy(() -> new ChatModelRouter(List.of(new ExtractiveChatModel()), "gpt-9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aegis.llm.provider")
                .hasMessageContaining("[extractive]")
                .hasMessageContaining("gpt-9");
    }
}
