package io.aegisrag.coordinator.protocol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolTest {

    @ParameterizedTest
    @CsvSource({
            "api/v1/query, REST", "/api/v1/memory/facts, REST", "api/v1, REST", "api/v1/nothing, REST",
            "v1/chat/completions, OPENAI", "/v1/models, OPENAI", "v1, OPENAI",
            "api/tags, OLLAMA", "/api/chat, OLLAMA", "api/v10/x, OLLAMA",
            "mcp, MCP", "/mcp, MCP",
            "health, REST", "v1x, REST"})
    void should_know_the_protocol_of_a_call_by_its_path(String path, Protocol protocol) {
        assertThat(Protocol.ofPath(path)).isEqualTo(protocol);
    }
}
