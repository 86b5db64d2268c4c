package io.aegisrag.coordinator.mcp;

/** The JSON schemas of the MCP tools' arguments, with the descriptions a model reads to fill them. */
final class McpSchemas {

    private static final String MODE = """
            "mode": {"type": "string", "enum": ["auto", "vector", "graph", "hybrid", "memory"],
                     "description": "Which retrievers answer: auto (default) picks them from the question's intent"},
            "top_k": {"type": "integer", "minimum": 1, "maximum": 50, "description": "How many passages (default 5)"}""";

    static final String SEARCH = """
            {"type": "object", "properties": {
              "query": {"type": "string", "description": "The question or keywords to search for"},
            %s
            }, "required": ["query"]}""".formatted(MODE);

    static final String ASK = """
            {"type": "object", "properties": {
              "question": {"type": "string", "description": "The question to answer from the documents"},
              "session_id": {"type": "string", "description": "A conversation's id: a follow-up question is read with the previous one"},
            %s
            }, "required": ["question"]}""".formatted(MODE);

    static final String ADD_DOCUMENT = """
            {"type": "object", "properties": {
              "title": {"type": "string", "description": "The document's title"},
              "text": {"type": "string", "description": "The document's text, Markdown or plain"},
              "source": {"type": "string", "description": "Where it comes from: a URL or a file name"},
              "metadata": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Up to 50 string fields"}
            }, "required": ["title", "text"]}""";

    static final String ADD_MEMORY_EPISODE = """
            {"type": "object", "properties": {
              "session_id": {"type": "string", "description": "The conversation the episode belongs to"},
              "content": {"type": "string", "description": "What was said, e.g. 'Alice works at Globex.'"},
              "reference_time": {"type": "string", "format": "date-time", "description": "When it became true (ISO-8601), default now"}
            }, "required": ["session_id", "content"]}""";

    static final String SEARCH_MEMORY_FACTS = """
            {"type": "object", "properties": {
              "query": {"type": "string", "description": "What to search the facts for; without it, the facts are listed"},
              "entity": {"type": "string", "description": "The entity (name or id) to search from, or whose facts to list"},
              "type": {"type": "string", "enum": ["episodic", "semantic", "entity"], "description": "When listing, only facts of this type"},
              "valid_at": {"type": "string", "format": "date-time", "description": "The instant the facts must be true at (ISO-8601), default now"},
              "known_at": {"type": "string", "format": "date-time", "description": "What the service knew at this instant (ISO-8601), default now"},
              "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "At most this many facts (default 10)"}
            }}""";

    static final String GET_ENTITY = """
            {"type": "object", "properties": {
              "name": {"type": "string", "description": "The entity's name, or the start of it"},
              "depth": {"type": "integer", "minimum": 1, "maximum": 2, "description": "Neighbours up to this many relations away (default 1)"}
            }, "required": ["name"]}""";

    private McpSchemas() {
    }
}
