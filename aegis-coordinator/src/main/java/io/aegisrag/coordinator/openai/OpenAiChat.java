package io.aegisrag.coordinator.openai;

import io.aegisrag.coordinator.query.QueryResult;

import java.util.List;

/** The shapes of {@code POST /v1/chat/completions}, as OpenAI defines them, plus {@code sources}, which clients ignore. */
public final class OpenAiChat {

    private OpenAiChat() {
    }

    /** A whole answer: {@code object} is {@code chat.completion}. */
    public record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                             List<QueryResult.Source> sources) {
    }

    /** The one choice of an answer. */
    public record Choice(int index, Message message, String finishReason) {
    }

    /** A message of the conversation. */
    public record Message(String role, String content) {
    }

    /** Tokens as OpenAI counts them. */
    public record Usage(long promptTokens, long completionTokens, long totalTokens) {

        static Usage of(QueryResult.Usage usage) {
            return new Usage(usage.promptTokens(), usage.completionTokens(), usage.promptTokens() + usage.completionTokens());
        }
    }

    /**
     * One event of a streamed answer: {@code object} is {@code chat.completion.chunk}; the last chunk
     * with a choice has its {@code finish_reason} and the {@code sources}, and a chunk without choices
     * carries the usage when the client asked for it.
     */
    public record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage,
                        List<QueryResult.Source> sources) {
    }

    /** The piece of the answer one chunk adds. */
    public record ChunkChoice(int index, Delta delta, String finishReason) {
    }

    /** A piece of the assistant's message. */
    public record Delta(String role, String content) {
    }
}
