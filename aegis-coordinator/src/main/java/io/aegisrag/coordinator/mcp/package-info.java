/**
 * The Model Context Protocol server at {@code /mcp} (Streamable HTTP, stateless: every request is a
 * POST answered with JSON), built on the MCP Java SDK: tools to search and ask the documents, add a
 * document or a memory episode, search memory facts on both time axes and read an entity's
 * neighbourhood; the documents as resources. Its servlet filter applies the API's keys or tokens,
 * roles, rate limits and call counter.
 */
package io.aegisrag.coordinator.mcp;
